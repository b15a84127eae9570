"""tools/go_template.py: the Go text/template subset used to check Ollama TEMPLATEs."""
import pytest

from tools import go_template


def test_go_template_renderer_subset():
    template = ('{{- if .System }}S={{ .System }} {{ else if .Prompt }}P {{ else }}none {{ end -}}\n'
                '{{ range $i, $m := .Messages }}{{ end }}')
    with pytest.raises(go_template.TemplateError):
        go_template.render(template, {"System": "x"})  # `range $i, $m :=` is not in the subset: refused, not misread
    template = ('{{- if .System }}S={{ .System }} {{ else if .Prompt }}P {{ else }}none {{ end -}}\n'
                '{{ range .Messages }}{{ if eq .Role "user" "tool" }}[{{ .Content }}]{{ else }}<{{ .Content }}>{{ end }}{{ end }}'
                '{{ if and .System (not .Prompt) }}!{{ end }}{{ "{{" }}{{ len .Messages }}')
    values = {"System": "", "Prompt": "p", "Messages": [{"Role": "user", "Content": "a"}, {"Role": "assistant", "Content": "b"}]}
    assert go_template.render(template, values) == "P [a]<b>{{2"  # `-}}` trims the newline, not the spaces inside the branches
    assert go_template.render(template, dict(values, System="s", Prompt="")) == "S=s [a]<b>!{{2"
    assert go_template.render(template, dict(values, Prompt="", Messages=[])) == "none {{0"
