"""Precision comes from the hardware, never from a library default."""
import pytest

from tools.hardware import Hardware, PrecisionError, choose_precision

CPU_NO_BF16 = Hardware("cpu", "test cpu", bf16=False, fp16=False)
CPU_BF16 = Hardware("cpu", "test cpu", bf16=True, fp16=False)
AMPERE = Hardware("cuda", "A100", bf16=True, fp16=True)
T4 = Hardware("cuda", "T4", bf16=False, fp16=True)


def test_auto_is_bf16_where_the_hardware_has_it_and_fp32_elsewhere():
    assert choose_precision({"bf16": "auto"}, CPU_NO_BF16).name == "fp32"
    assert choose_precision({"bf16": "auto"}, CPU_BF16).name == "bf16"
    assert choose_precision({"bf16": "auto"}, AMPERE).name == "bf16"
    assert choose_precision({"bf16": "auto"}, T4).name == "fp32"
    assert choose_precision({}, CPU_NO_BF16).name == "fp32"
    assert choose_precision({"bf16": False}, CPU_BF16).name == "fp32"


def test_the_reason_says_why():
    assert "native bf16" in choose_precision({"bf16": "auto"}, CPU_BF16).reason
    assert "10x slower" in choose_precision({"bf16": "auto"}, CPU_NO_BF16).reason
    assert choose_precision({"bf16": True}, CPU_BF16).name == "bf16"


def test_this_machines_flags_decide(monkeypatch):
    from tools import hardware

    monkeypatch.setattr(hardware, "cpu_flags", lambda: {"avx2", "avx512f", "avx512_bf16"})
    assert hardware.detect().bf16 if hardware.detect().device == "cpu" else True
    monkeypatch.setattr(hardware, "cpu_flags", lambda: {"avx2", "avx512f"})
    assert not hardware.detect().bf16 if hardware.detect().device == "cpu" else True
    monkeypatch.setattr(hardware, "cpu_flags", lambda: {"amx_bf16", "amx_tile"})
    assert hardware.detect().bf16 if hardware.detect().device == "cpu" else True


def test_explicit_bf16_without_hardware_support_is_an_error_with_advice():
    with pytest.raises(PrecisionError) as info:
        choose_precision({"bf16": True}, CPU_NO_BF16)
    assert "bf16: auto" in str(info.value) and "10x" in str(info.value)
    assert choose_precision({"bf16": True}, AMPERE).name == "bf16"


def test_fp16_only_on_cuda_and_skipped_with_a_note_elsewhere():
    assert choose_precision({"fp16": True}, T4).name == "fp16"
    on_cpu = choose_precision({"fp16": True}, CPU_NO_BF16)
    assert on_cpu.name == "fp32" and "skipped" in on_cpu.notes[0]
