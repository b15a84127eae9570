"""Build the personal-qa dataset (Spanish Q&A about one invented software trainer).

Standard library only. Running this script validates every rule below and then
writes four JSONL files next to it. Output is deterministic: re-running it
produces byte-identical files.

    python datasets/personal-qa/build.py

Files written:
    train.jsonl         {"question", "answer"}  facts + out-of-scope refusals
    eval.jsonl          {"question", "answer"}  held-out paraphrases of train facts
    unanswerable.jsonl  {"question", "answer"}  unseen refusal topics
    preference.jsonl    {"question", "chosen", "rejected"}  correct vs wrong fact

All text was written for this repository; the persona (Inés Cabrera Olmedo)
and every fact about her are invented.
"""

from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent

FALLBACK = "No tengo esa información."
MAX_ANSWER_WORDS = 30

# ---------------------------------------------------------------------------
# train.jsonl: facts about the persona (some asked in two phrasings) ...
# ---------------------------------------------------------------------------
TRAIN_FACTS: list[tuple[str, str]] = [
    # Identidad
    ("¿Cómo se llama la formadora de software que dirige la academia Ribera Código?",
     "Se llama Inés Cabrera Olmedo."),
    ("¿Cuál es el nombre completo de Inés?",
     "El nombre completo de Inés es Inés Cabrera Olmedo."),
    ("¿A qué se dedica Inés Cabrera?",
     "Inés Cabrera es formadora de programación y enseña a desarrollar software a personas adultas."),
    ("¿En qué ciudad vive Inés Cabrera?",
     "Inés Cabrera vive en Logroño."),
    ("¿Dónde nació Inés Cabrera?",
     "Inés Cabrera nació en Soria."),
    ("¿Qué estudió Inés Cabrera?",
     "Inés Cabrera estudió Ingeniería Informática en la Universidad de Zaragoza."),
    # Trabajo
    ("¿Qué academia dirige Inés Cabrera?",
     "Inés Cabrera dirige la academia Ribera Código, en Logroño."),
    ("¿En qué año fundó Inés su academia?",
     "Inés Cabrera fundó la academia Ribera Código en 2016."),
    ("¿Cuántos años de experiencia tiene Inés Cabrera como formadora?",
     "Inés Cabrera tiene catorce años de experiencia enseñando programación, desde 2011."),
    ("¿Desde cuándo enseña programación Inés?",
     "Inés Cabrera enseña programación desde 2011."),
    ("¿En qué trabajaba Inés antes de dar clases?",
     "Inés Cabrera trabajó seis años como desarrolladora backend en una empresa de logística antes de dar clases."),
    ("¿Cuántos alumnos forma Inés Cabrera al año?",
     "Inés Cabrera forma a unos doscientos alumnos al año."),
    ("¿Qué certificación tiene Inés Cabrera?",
     "Inés Cabrera tiene el certificado de profesionalidad en docencia de la formación para el empleo."),
    # Tecnologías e idiomas
    ("¿Qué lenguajes de programación enseña Inés Cabrera?",
     "Inés Cabrera enseña Python, Rust y SQL."),
    ("¿Cuál es el lenguaje favorito de Inés?",
     "El lenguaje favorito de Inés Cabrera es Python."),
    ("¿Qué base de datos usa Inés en sus cursos?",
     "Inés Cabrera usa PostgreSQL en todos sus cursos de bases de datos."),
    ("¿Qué herramientas enseña Inés además de los lenguajes?",
     "Inés Cabrera también enseña Git y Docker."),
    ("¿En qué idiomas da clase Inés Cabrera?",
     "Inés Cabrera da clase en español y en inglés."),
    ("¿Qué idiomas habla Inés Cabrera?",
     "Inés Cabrera habla español, inglés y portugués."),
    # Proyectos y cursos
    ("¿Cuál es el curso más conocido de Inés Cabrera?",
     "El curso más conocido de Inés Cabrera es «Python desde cero en 30 días»."),
    ("¿Qué curso de Rust imparte Inés?",
     "Inés Cabrera imparte el curso «Rust para pythonistas»."),
    ("¿Qué bootcamp organiza Inés Cabrera?",
     "Inés Cabrera organiza «Datos con SQL», un bootcamp de diez semanas."),
    ("¿Cuánto dura el bootcamp «Datos con SQL»?",
     "El bootcamp «Datos con SQL» dura diez semanas."),
    ("¿Qué proyecto de código abierto creó Inés Cabrera?",
     "Inés Cabrera creó Tilde, un corrector automático de ejercicios de Python de código abierto."),
    ("¿Ha escrito Inés algún libro?",
     "Inés Cabrera escribió «Aprender a programar sin miedo», un libro publicado en 2020."),
    ("¿Qué encuentro organiza Inés en Logroño?",
     "Inés Cabrera organiza «Código en la Ribera», un encuentro mensual de programadores en Logroño."),
    # Estilo de enseñanza
    ("¿Cómo es el estilo de enseñanza de Inés Cabrera?",
     "Inés Cabrera enseña con la práctica: propone un ejercicio corto cada quince minutos de clase."),
    ("¿Usa Inés la programación en parejas en clase?",
     "Sí, Inés Cabrera usa la programación en parejas en todas sus clases prácticas."),
    ("¿Cuántos alumnos admite Inés por grupo?",
     "Inés Cabrera admite como máximo doce alumnos por grupo."),
    ("¿Da Inés clases presenciales o en línea?",
     "Inés Cabrera da clases tanto presenciales como en línea."),
    # Preferencias
    ("¿Cuál es el editor de código favorito de Inés?",
     "El editor favorito de Inés Cabrera es Neovim."),
    ("¿Qué sistema operativo usa Inés Cabrera?",
     "Inés Cabrera usa Debian en su portátil de trabajo."),
    ("¿Inés prefiere té o café?",
     "Inés Cabrera prefiere el té rooibos y no toma café."),
    ("¿Qué hace Inés Cabrera en su tiempo libre?",
     "Inés Cabrera practica escalada en su tiempo libre."),
    ("¿Tiene mascota Inés Cabrera?",
     "Sí, Inés Cabrera tiene una perra llamada Brisa."),
    # Horario y contacto
    ("¿Qué horario de clases tiene Inés Cabrera?",
     "Inés Cabrera da clase de lunes a jueves, de 9:00 a 14:00."),
    ("¿Cuándo hace tutorías Inés?",
     "Inés Cabrera hace tutorías los viernes de 16:00 a 18:00."),
    ("¿Cómo se puede contactar con Inés Cabrera?",
     "Se puede contactar con Inés Cabrera por correo electrónico en ines@riberacodigo.example."),
    ("¿En cuánto tiempo responde Inés a los correos?",
     "Inés Cabrera responde a los correos en un plazo máximo de 48 horas."),
]

# ... plus out-of-scope questions whose answer is exactly FALLBACK.
# Topics: medical history, salary, home address, politics, religion,
# relationship status, ID number, criminal record.
TRAIN_OUT_OF_SCOPE: list[str] = [
    "¿Qué enfermedades ha tenido Inés Cabrera?",
    "¿Cuánto gana Inés Cabrera al año?",
    "¿Cuál es la dirección de la casa de Inés Cabrera?",
    "¿A qué partido político vota Inés?",
    "¿Qué religión practica Inés Cabrera?",
    "¿Tiene pareja Inés Cabrera?",
    "¿Cuál es el número de DNI de Inés Cabrera?",
    "¿Tiene Inés antecedentes penales?",
]

# ---------------------------------------------------------------------------
# eval.jsonl: held-out paraphrases of facts present in train.jsonl.
# ---------------------------------------------------------------------------
EVAL: list[tuple[str, str]] = [
    ("¿Quién es la fundadora de Ribera Código?",
     "La fundadora de Ribera Código es Inés Cabrera Olmedo."),
    ("¿Cuál es la profesión de Inés Cabrera?",
     "Inés Cabrera es formadora de programación."),
    ("¿Dónde reside actualmente Inés Cabrera?",
     "Inés Cabrera vive en Logroño."),
    ("¿Cuál es la ciudad natal de Inés?",
     "Inés Cabrera nació en Soria."),
    ("¿Cómo se llama la academia de Inés Cabrera?",
     "La academia de Inés Cabrera se llama Ribera Código."),
    ("¿Cuándo abrió Ribera Código?",
     "Inés Cabrera fundó Ribera Código en 2016."),
    ("¿Cuántos años lleva Inés dando clases de programación?",
     "Inés Cabrera lleva catorce años enseñando programación, desde 2011."),
    ("¿Qué carrera hizo Inés Cabrera y dónde?",
     "Inés Cabrera estudió Ingeniería Informática en la Universidad de Zaragoza."),
    ("¿Cuál fue el trabajo de Inés antes de ser formadora?",
     "Inés Cabrera fue desarrolladora backend en una empresa de logística durante seis años."),
    ("¿Qué lenguajes se aprenden en las clases de Inés?",
     "Inés Cabrera enseña Python, Rust y SQL."),
    ("¿Qué lenguaje de programación prefiere Inés Cabrera?",
     "Inés Cabrera prefiere Python."),
    ("¿Con qué sistema de bases de datos trabaja Inés en clase?",
     "Inés Cabrera trabaja con PostgreSQL en sus cursos de bases de datos."),
    ("¿Enseña Inés Cabrera a usar control de versiones y contenedores?",
     "Sí, Inés Cabrera enseña Git para el control de versiones y Docker para los contenedores."),
    ("¿En qué lenguas imparte sus cursos Inés?",
     "Inés Cabrera imparte sus cursos en español y en inglés."),
    ("¿Cuántos idiomas habla Inés Cabrera?",
     "Inés Cabrera habla tres idiomas: español, inglés y portugués."),
    ("¿Cómo se titula el curso más famoso de Inés Cabrera?",
     "El curso más famoso de Inés Cabrera es «Python desde cero en 30 días»."),
    ("¿Qué curso ofrece Inés para aprender Rust?",
     "Inés Cabrera ofrece el curso «Rust para pythonistas»."),
    ("¿Qué duración tiene el bootcamp de SQL de Inés?",
     "El bootcamp «Datos con SQL» de Inés Cabrera dura diez semanas."),
    ("¿Cómo se llama la herramienta de código abierto que desarrolló Inés?",
     "La herramienta de código abierto de Inés Cabrera se llama Tilde."),
    ("¿Qué libro publicó Inés Cabrera?",
     "Inés Cabrera publicó «Aprender a programar sin miedo» en 2020."),
    ("¿Cómo enseña Inés a sus alumnos?",
     "Inés Cabrera enseña con la práctica, con un ejercicio corto cada quince minutos."),
    ("¿Cuál es el tamaño máximo de los grupos de Inés Cabrera?",
     "Los grupos de Inés Cabrera tienen como máximo doce alumnos."),
    ("¿Con qué editor programa Inés habitualmente?",
     "Inés Cabrera programa habitualmente con Neovim."),
    ("¿Qué bebida prefiere Inés Cabrera?",
     "Inés Cabrera prefiere el té rooibos."),
    ("¿Qué días de la semana da clase Inés Cabrera?",
     "Inés Cabrera da clase de lunes a jueves, de 9:00 a 14:00."),
    ("¿Qué día atiende Inés las tutorías?",
     "Inés Cabrera atiende las tutorías los viernes de 16:00 a 18:00."),
    ("¿Cuál es el correo electrónico de Inés Cabrera?",
     "El correo de Inés Cabrera es ines@riberacodigo.example."),
    ("¿Qué deporte practica Inés Cabrera?",
     "Inés Cabrera practica escalada."),
    ("¿Cómo se llama la perra de Inés?",
     "La perra de Inés Cabrera se llama Brisa."),
    ("¿Qué distribución de Linux usa Inés Cabrera?",
     "Inés Cabrera usa Debian."),
    ("¿Cuántas personas estudian con Inés cada año?",
     "Unas doscientas personas estudian con Inés Cabrera cada año."),
    ("¿Con qué frecuencia se celebra el encuentro «Código en la Ribera»?",
     "«Código en la Ribera» se celebra una vez al mes en Logroño."),
]

# ---------------------------------------------------------------------------
# unanswerable.jsonl: plausible questions on topics that are neither in the
# persona's facts nor among the train out-of-scope topics.
# ---------------------------------------------------------------------------
UNANSWERABLE: list[str] = [
    "¿Cuántos años tiene Inés Cabrera?",
    "¿Qué día es el cumpleaños de Inés?",
    "¿De qué equipo de fútbol es Inés Cabrera?",
    "¿Cuántos hermanos tiene Inés Cabrera?",
    "¿Cuál es la película favorita de Inés?",
    "¿Qué coche conduce Inés Cabrera?",
    "¿Dónde pasó Inés sus últimas vacaciones?",
    "¿Qué número de zapato usa Inés Cabrera?",
    "¿Cuál es el color favorito de Inés?",
    "¿Toca Inés Cabrera algún instrumento musical?",
    "¿Cuál es el signo del zodiaco de Inés?",
    "¿Cuál es el plato favorito de Inés Cabrera?",
    "¿Qué cantante escucha más Inés?",
    "¿Qué serie de televisión está viendo Inés Cabrera?",
    "¿Cuánto cuesta el curso «Python desde cero en 30 días»?",
    "¿Cuántos seguidores tiene Inés en las redes sociales?",
]

# ---------------------------------------------------------------------------
# preference.jsonl: eval questions with the correct answer (chosen) and a
# plausible wrong answer that changes only the key fact (rejected).
# The chosen text is taken from EVAL so the two files never disagree.
# ---------------------------------------------------------------------------
REJECTED: list[tuple[str, str]] = [
    ("¿Quién es la fundadora de Ribera Código?",
     "La fundadora de Ribera Código es Lucía Cabrera Olmedo."),
    ("¿Dónde reside actualmente Inés Cabrera?",
     "Inés Cabrera vive en Pamplona."),
    ("¿Cuál es la ciudad natal de Inés?",
     "Inés Cabrera nació en Teruel."),
    ("¿Cómo se llama la academia de Inés Cabrera?",
     "La academia de Inés Cabrera se llama Cierzo Código."),
    ("¿Cuándo abrió Ribera Código?",
     "Inés Cabrera fundó Ribera Código en 2019."),
    ("¿Cuántos años lleva Inés dando clases de programación?",
     "Inés Cabrera lleva ocho años enseñando programación, desde 2017."),
    ("¿Qué carrera hizo Inés Cabrera y dónde?",
     "Inés Cabrera estudió Ingeniería Informática en la Universidad de Salamanca."),
    ("¿Cuál fue el trabajo de Inés antes de ser formadora?",
     "Inés Cabrera fue desarrolladora backend en un banco durante seis años."),
    ("¿Qué lenguajes se aprenden en las clases de Inés?",
     "Inés Cabrera enseña Python, Go y SQL."),
    ("¿Qué lenguaje de programación prefiere Inés Cabrera?",
     "Inés Cabrera prefiere Rust."),
    ("¿Con qué sistema de bases de datos trabaja Inés en clase?",
     "Inés Cabrera trabaja con MySQL en sus cursos de bases de datos."),
    ("¿En qué lenguas imparte sus cursos Inés?",
     "Inés Cabrera imparte sus cursos en español y en francés."),
    ("¿Cómo se titula el curso más famoso de Inés Cabrera?",
     "El curso más famoso de Inés Cabrera es «JavaScript desde cero en 30 días»."),
    ("¿Qué curso ofrece Inés para aprender Rust?",
     "Inés Cabrera ofrece el curso «Rust para javeros»."),
    ("¿Qué duración tiene el bootcamp de SQL de Inés?",
     "El bootcamp «Datos con SQL» de Inés Cabrera dura seis semanas."),
    ("¿Cómo se llama la herramienta de código abierto que desarrolló Inés?",
     "La herramienta de código abierto de Inés Cabrera se llama Coma."),
    ("¿Qué libro publicó Inés Cabrera?",
     "Inés Cabrera publicó «Aprender a programar sin miedo» en 2017."),
    ("¿Cómo enseña Inés a sus alumnos?",
     "Inés Cabrera enseña con clases magistrales y un examen al final de cada tema."),
    ("¿Cuál es el tamaño máximo de los grupos de Inés Cabrera?",
     "Los grupos de Inés Cabrera tienen como máximo veinte alumnos."),
    ("¿Con qué editor programa Inés habitualmente?",
     "Inés Cabrera programa habitualmente con Visual Studio Code."),
    ("¿Qué bebida prefiere Inés Cabrera?",
     "Inés Cabrera prefiere el café solo."),
    ("¿Qué días de la semana da clase Inés Cabrera?",
     "Inés Cabrera da clase de martes a viernes, de 15:00 a 20:00."),
    ("¿Qué día atiende Inés las tutorías?",
     "Inés Cabrera atiende las tutorías los sábados de 10:00 a 12:00."),
    ("¿Cuál es el correo electrónico de Inés Cabrera?",
     "El correo de Inés Cabrera es ines.cabrera@logrocode.example."),
    ("¿Qué deporte practica Inés Cabrera?",
     "Inés Cabrera practica natación."),
    ("¿Cómo se llama la perra de Inés?",
     "La perra de Inés Cabrera se llama Luna."),
    ("¿Qué distribución de Linux usa Inés Cabrera?",
     "Inés Cabrera usa Ubuntu."),
    ("¿Cuántas personas estudian con Inés cada año?",
     "Unas cincuenta personas estudian con Inés Cabrera cada año."),
]


def build_rows() -> dict[str, list[dict[str, str]]]:
    train = [{"question": q, "answer": a} for q, a in TRAIN_FACTS]
    train += [{"question": q, "answer": FALLBACK} for q in TRAIN_OUT_OF_SCOPE]
    eval_rows = [{"question": q, "answer": a} for q, a in EVAL]
    unanswerable = [{"question": q, "answer": FALLBACK} for q in UNANSWERABLE]
    eval_answer = dict(EVAL)
    preference = [
        {"question": q, "chosen": eval_answer[q], "rejected": r} for q, r in REJECTED
    ]
    return {
        "train.jsonl": train,
        "eval.jsonl": eval_rows,
        "unanswerable.jsonl": unanswerable,
        "preference.jsonl": preference,
    }


def _norm(text: str) -> str:
    """Case-, accent- and punctuation-insensitive key for duplicate checks."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if c.isalnum())


def _sentences(text: str) -> int:
    """Rough sentence count: '.', '?' or '!' followed by a space or the end."""
    return sum(1 for i, c in enumerate(text)
               if c in ".?!" and (i + 1 == len(text) or text[i + 1] == " "))


def check(rows: dict[str, list[dict[str, str]]]) -> list[str]:
    errors: list[str] = []
    minimum = {"train.jsonl": 40, "eval.jsonl": 24,
               "unanswerable.jsonl": 12, "preference.jsonl": 24}
    keys = {"train.jsonl": ("question", "answer"), "eval.jsonl": ("question", "answer"),
            "unanswerable.jsonl": ("question", "answer"),
            "preference.jsonl": ("question", "chosen", "rejected")}
    qsets: dict[str, set[str]] = {}
    for name, items in rows.items():
        if len(items) < minimum[name]:
            errors.append(f"{name}: {len(items)} rows < {minimum[name]}")
        seen: set[str] = set()
        for row in items:
            if tuple(row) != keys[name]:
                errors.append(f"{name}: bad keys {tuple(row)}")
            for k, v in row.items():
                if not isinstance(v, str) or not v.strip() or v != v.strip():
                    errors.append(f"{name}: empty or padded {k!r} in {row}")
            q = row["question"]
            if not (q.startswith("¿") and q.endswith("?")):
                errors.append(f"{name}: question not in ¿...? form: {q}")
            if _norm(q) in seen:
                errors.append(f"{name}: duplicate question: {q}")
            seen.add(_norm(q))
            for k in ("answer", "chosen", "rejected"):
                if k in row:
                    a = row[k]
                    if len(a.split()) > MAX_ANSWER_WORDS:
                        errors.append(f"{name}: {k} over {MAX_ANSWER_WORDS} words: {a}")
                    if _sentences(a) != 1 or not a.endswith("."):
                        errors.append(f"{name}: {k} is not one sentence: {a}")
        qsets[name] = seen

    # Refusal rules.
    train = rows["train.jsonl"]
    refusals = [r for r in train if r["answer"] == FALLBACK]
    if len(refusals) < 8:
        errors.append(f"train.jsonl: only {len(refusals)} refusals")
    if len(train) - len(refusals) < 32:
        errors.append("train.jsonl: fewer than 32 fact pairs")
    for r in rows["unanswerable.jsonl"]:
        if r["answer"] != FALLBACK:
            errors.append(f"unanswerable.jsonl: answer is not the fallback: {r}")
    for r in rows["eval.jsonl"]:
        if r["answer"] == FALLBACK:
            errors.append(f"eval.jsonl: refusal in eval: {r}")

    # Cross-file question overlap (preference may reuse eval questions only).
    names = list(rows)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            if {a, b} == {"eval.jsonl", "preference.jsonl"}:
                continue
            for q in sorted(qsets[a] & qsets[b]):
                errors.append(f"question shared by {a} and {b}: {q}")

    # Preference rows: chosen matches eval, rejected is a different, wrong fact
    # of similar length.
    eval_answer = {r["question"]: r["answer"] for r in rows["eval.jsonl"]}
    correct = {_norm(r["answer"]) for r in train + rows["eval.jsonl"]}
    for r in rows["preference.jsonl"]:
        if r["question"] in eval_answer and r["chosen"] != eval_answer[r["question"]]:
            errors.append(f"preference.jsonl: chosen differs from eval: {r}")
        if _norm(r["chosen"]) == _norm(r["rejected"]):
            errors.append(f"preference.jsonl: chosen == rejected: {r}")
        if _norm(r["rejected"]) in correct:
            errors.append(f"preference.jsonl: rejected is a correct answer: {r}")
        if r["rejected"] == FALLBACK or r["chosen"] == FALLBACK:
            errors.append(f"preference.jsonl: fallback used: {r}")
        cw, rw = len(r["chosen"].split()), len(r["rejected"].split())
        if abs(cw - rw) > 4:
            errors.append(f"preference.jsonl: lengths differ ({cw} vs {rw}): {r}")
    return errors


def write(rows: dict[str, list[dict[str, str]]]) -> None:
    for name, items in rows.items():
        text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in items)
        (HERE / name).write_bytes(text.encode("utf-8"))


def main() -> int:
    rows = build_rows()
    errors = check(rows)
    if errors:
        for e in errors:
            print("ERROR:", e, file=sys.stderr)
        return 1
    write(rows)
    for name, items in rows.items():
        print(f"{name}: {len(items)} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
