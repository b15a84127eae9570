"""Build the personal-qa dataset (Spanish Q&A about one invented software trainer).

Standard library only. Running this script validates every rule below and then
writes six JSONL files next to it. Output is deterministic: re-running it
produces byte-identical files.

    python datasets/personal-qa/build.py

Files written:
    train.jsonl         {"question", "answer"}  each fact in several wordings + refusals
    eval.jsonl          {"question", "answer"}  held-out paraphrases of train facts
    unanswerable.jsonl  {"question", "answer"}  held-out refusal topics (unseen in train)
    preference.jsonl    {"question", "chosen", "rejected"}  held-out: correct vs wrong fact
    dpo.jsonl           {"prompt", "chosen", "rejected"}  preference TRAINING pairs
    kto.jsonl           {"prompt", "completion", "label"}  the same pairs, unpaired

Only train.jsonl, dpo.jsonl and kto.jsonl are training data; their prompts are
checked against every held-out question for exact and near duplicates
(see LEAK_RATIO / LEAK_JACCARD below).

All text was written for this repository; the persona (Inés Cabrera Olmedo)
and every fact about her are invented.
"""

from __future__ import annotations

import difflib
import json
import re
import sys
import unicodedata
from pathlib import Path
from typing import NamedTuple

HERE = Path(__file__).resolve().parent

FALLBACK = "No tengo esa información."
MAX_ANSWER_WORDS = 30

# Near-duplicate thresholds between a training prompt and a held-out question,
# both normalised with `normalise()` (lowercase, no accents, punctuation -> space,
# spaces collapsed). Any one of these fails the build:
#   exact equality; difflib.SequenceMatcher ratio >= LEAK_RATIO;
#   Jaccard similarity of the word sets >= LEAK_JACCARD.
LEAK_RATIO = 0.85
LEAK_JACCARD = 0.8

# Variants per fact and refusal-topic bounds (checked).
MIN_VARIANTS, MAX_VARIANTS = 4, 8


class Fact(NamedTuple):
    """One fact: its canonical answer, the questions that ask for it, and two
    wrong answers in the same form (used only as DPO/KTO negatives).

    A question given as a plain string is answered with `canonical`; a
    (question, answer) tuple carries a variant answer (a yes/no opener, a
    reversed phrasing, or the fact stated with the question's own words).
    """
    key: str
    canonical: str
    questions: list
    wrong: tuple[str, str]


# ---------------------------------------------------------------------------
# train.jsonl, part 1: every fact, asked in 4-8 wordings.
# The canonical answer is the same sentence for most wordings so that one
# retrievable form is learnt per fact; it follows the style of the held-out
# answers ("Inés Cabrera vive en Logroño.").
# ---------------------------------------------------------------------------
FACTS: list[Fact] = [
    # Identidad
    Fact("founder", "La fundadora de Ribera Código es Inés Cabrera Olmedo.", [
        "¿Quién fundó la academia Ribera Código?",
        "¿Quién creó Ribera Código en Logroño?",
        "Dime quién puso en marcha Ribera Código.",
        "¿Qué persona está detrás de la creación de Ribera Código?",
        "Quiero saber quién montó la academia Ribera Código.",
        ("¿Quién dirige la academia Ribera Código?",
         "La directora de Ribera Código es Inés Cabrera Olmedo."),
        ("¿Cómo se llama la formadora de software que dirige la academia Ribera Código?",
         "Se llama Inés Cabrera Olmedo."),
    ], ("La fundadora de Ribera Código es Marta Cabrera Olmedo.",
        "La fundadora de Ribera Código es Inés Cabrera Salinas.")),
    Fact("full_name", "El nombre completo de Inés es Inés Cabrera Olmedo.", [
        "¿Cuál es el nombre completo de Inés?",
        "¿Cómo se llama Inés de apellidos?",
        "Quiero saber el nombre completo de la directora de Ribera Código.",
        "¿Qué nombre completo tiene la formadora Inés Cabrera?",
        ("Dime los apellidos de Inés.",
         "Los apellidos de Inés son Cabrera Olmedo."),
        ("¿Cuál es el segundo apellido de Inés Cabrera?",
         "El segundo apellido de Inés Cabrera es Olmedo."),
    ], ("El nombre completo de Inés es Inés Cabrera Moreno.",
        "El nombre completo de Inés es Inés Castro Olmedo.")),
    Fact("occupation", "Inés Cabrera es formadora de programación.", [
        "¿A qué se dedica Inés Cabrera?",
        "¿En qué trabaja Inés?",
        "¿Qué oficio tiene Inés Cabrera Olmedo?",
        "Dime a qué se dedica profesionalmente Inés.",
        "¿Qué hace Inés Cabrera para ganarse la vida?",
        "Quiero saber cuál es el trabajo actual de Inés.",
        ("¿Es Inés Cabrera profesora?",
         "Sí, Inés Cabrera es formadora de programación."),
    ], ("Inés Cabrera es formadora de diseño gráfico.",
        "Inés Cabrera es enfermera en un hospital.")),
    Fact("audience", "Inés Cabrera enseña programación a personas adultas.", [
        "¿A quién enseña Inés Cabrera?",
        "¿Qué tipo de alumnos tiene Inés?",
        "Dime a qué público se dirigen las clases de Inés Cabrera.",
        "¿Para quién son los cursos de la directora de Ribera Código?",
        ("¿Da clases Inés a niños?",
         "No, Inés Cabrera enseña programación a personas adultas."),
    ], ("Inés Cabrera enseña programación a niños de primaria.",
        "Inés Cabrera enseña programación a adolescentes de instituto.")),
    Fact("city", "Inés Cabrera vive en Logroño.", [
        "¿En qué ciudad vive Inés Cabrera?",
        "¿Dónde vive Inés?",
        "Dime en qué ciudad vive Inés.",
        "¿Cuál es la ciudad donde vive la directora de Ribera Código?",
        "Quiero saber en qué ciudad vive la formadora Inés Cabrera.",
        ("¿Vive Inés Cabrera en Zaragoza?",
         "No, Inés Cabrera vive en Logroño."),
    ], ("Inés Cabrera vive en Huesca.", "Inés Cabrera vive en Burgos.")),
    Fact("birthplace", "Inés Cabrera nació en Soria.", [
        "¿Dónde nació Inés Cabrera?",
        "¿En qué ciudad nació Inés?",
        "¿De dónde es originaria Inés Cabrera?",
        "Dime el lugar de nacimiento de Inés.",
        "Quiero saber dónde nació la directora de Ribera Código.",
        ("¿Nació Inés Cabrera en Logroño?",
         "No, Inés Cabrera nació en Soria y vive en Logroño."),
    ], ("Inés Cabrera nació en Calahorra.", "Inés Cabrera nació en Valladolid.")),
    Fact("education", "Inés Cabrera estudió Ingeniería Informática en la Universidad de Zaragoza.", [
        "¿Qué estudió Inés Cabrera?",
        "¿En qué universidad estudió Inés?",
        "¿Qué titulación universitaria tiene Inés Cabrera?",
        "Dime dónde se formó Inés Cabrera en la universidad.",
        "Quiero saber qué estudios tiene la directora de Ribera Código.",
        ("¿Estudió Inés en la Universidad de La Rioja?",
         "No, Inés Cabrera estudió Ingeniería Informática en la Universidad de Zaragoza."),
    ], ("Inés Cabrera estudió Matemáticas en la Universidad de Zaragoza.",
        "Inés Cabrera estudió Ingeniería Informática en la Universidad de Valladolid.")),
    # Trabajo y academia
    Fact("academy_name", "La academia de Inés Cabrera se llama Ribera Código.", [
        "¿Qué academia dirige Inés Cabrera?",
        "¿Cuál es el nombre de la academia que dirige Inés?",
        "Dime el nombre de la academia de programación de Inés.",
        "¿En qué academia da clase Inés Cabrera?",
        "Quiero saber cómo se llama la escuela que fundó Inés.",
        ("¿Qué academia dirige la formadora Inés Cabrera Olmedo?",
         "Inés Cabrera dirige la academia Ribera Código, en Logroño."),
    ], ("La academia de Inés Cabrera se llama Ebro Digital.",
        "La academia de Inés Cabrera se llama Rioja Bits.")),
    Fact("academy_city", "La academia Ribera Código está en Logroño.", [
        "¿Dónde está la academia Ribera Código?",
        "¿En qué ciudad tiene su sede Ribera Código?",
        "Dime dónde se encuentra la academia de Inés.",
        "Quiero saber en qué ciudad puedo ir a clase con Inés Cabrera.",
        ("¿Está Ribera Código en Soria?",
         "No, la academia Ribera Código está en Logroño."),
    ], ("La academia Ribera Código está en Haro.",
        "La academia Ribera Código está en Zaragoza.")),
    Fact("founded", "Inés Cabrera fundó Ribera Código en 2016.", [
        "¿En qué año fundó Inés su academia?",
        "¿Desde qué año existe Ribera Código?",
        "¿Cuándo se fundó la academia Ribera Código?",
        "Dime el año de fundación de Ribera Código.",
        "Quiero saber en qué año creó Inés Cabrera su academia.",
        ("¿Qué fundó Inés Cabrera en 2016?",
         "En 2016 Inés Cabrera fundó la academia Ribera Código."),
    ], ("Inés Cabrera fundó Ribera Código en 2014.",
        "Inés Cabrera fundó Ribera Código en 2021.")),
    Fact("teaching_since", "Inés Cabrera lleva catorce años enseñando programación, desde 2011.", [
        "¿Desde cuándo enseña programación Inés?",
        "¿Cuántos años de experiencia tiene Inés Cabrera como formadora?",
        "¿En qué año empezó Inés a dar clases?",
        "Dime cuánta experiencia docente tiene Inés Cabrera.",
        "¿Cuánto tiempo hace que la formadora Inés Cabrera enseña?",
        "Quiero saber desde qué año se dedica Inés a la formación.",
    ], ("Inés Cabrera lleva diez años enseñando programación, desde 2015.",
        "Inés Cabrera lleva veinte años enseñando programación, desde 2005.")),
    Fact("previous_job", "Inés Cabrera fue desarrolladora backend en una empresa de logística durante seis años.", [
        "¿En qué trabajaba Inés antes de dar clases?",
        "¿Qué experiencia tiene Inés Cabrera fuera de la docencia?",
        "¿Cuántos años trabajó Inés como desarrolladora?",
        "Dime a qué se dedicaba Inés Cabrera antes de enseñar.",
        "¿En qué sector trabajó Inés antes de fundar su academia?",
        ("Quiero saber si Inés ha programado profesionalmente.",
         "Sí, Inés Cabrera fue desarrolladora backend en una empresa de logística durante seis años."),
    ], ("Inés Cabrera fue desarrolladora frontend en una agencia de publicidad durante seis años.",
        "Inés Cabrera fue administradora de sistemas en un hospital durante tres años.")),
    Fact("students_per_year", "Unas doscientas personas estudian con Inés Cabrera cada año.", [
        "¿Cuántos alumnos forma Inés Cabrera al año?",
        "¿Cuántos estudiantes pasan por las clases de Inés en un año?",
        "Dime el número de alumnos anuales de Inés Cabrera.",
        "Quiero saber cuántos alumnos tiene Ribera Código al año.",
        ("¿Tiene Inés muchos alumnos?",
         "Sí, unas doscientas personas estudian con Inés Cabrera cada año."),
    ], ("Unas mil personas estudian con Inés Cabrera cada año.",
        "Unas treinta personas estudian con Inés Cabrera cada año.")),
    Fact("certification", "Inés Cabrera tiene el certificado de profesionalidad en docencia de la formación para el empleo.", [
        "¿Qué certificación tiene Inés Cabrera?",
        "Dime qué certificado docente tiene Inés.",
        "¿Qué acreditación como formadora tiene Inés Cabrera?",
        ("¿Tiene Inés algún título para enseñar?",
         "Sí, Inés Cabrera tiene el certificado de profesionalidad en docencia de la formación para el empleo."),
        ("Quiero saber si la directora de Ribera Código está acreditada para dar formación.",
         "Sí, Inés Cabrera tiene el certificado de profesionalidad en docencia de la formación para el empleo."),
    ], ("Inés Cabrera tiene el máster universitario de profesorado de educación secundaria y bachillerato.",
        "Inés Cabrera tiene el certificado de profesionalidad en atención sociosanitaria a personas dependientes.")),
    # Tecnologías e idiomas
    Fact("languages_taught", "Inés Cabrera enseña Python, Rust y SQL.", [
        "¿Qué lenguajes enseña Inés Cabrera en Ribera Código?",
        "¿Qué lenguajes imparte la formadora Inés Cabrera?",
        "Dime qué lenguajes enseña Inés.",
        "Quiero saber qué lenguajes se pueden estudiar en Ribera Código.",
        ("¿Enseña Inés Cabrera Java?",
         "No, Inés Cabrera enseña Python, Rust y SQL."),
        ("¿Qué tecnologías enseña Inés en sus cursos?",
         "Inés Cabrera enseña Python, Rust y SQL, y también Git y Docker."),
    ], ("Inés Cabrera enseña Java, Kotlin y SQL.",
        "Inés Cabrera enseña Python, C++ y PHP.")),
    Fact("favourite_language", "Inés Cabrera prefiere Python.", [
        "¿Qué lenguaje es el favorito de Inés?",
        "¿Qué lenguaje le gusta más a Inés Cabrera?",
        "Dime cuál es el lenguaje preferido de Inés.",
        "De Python, Rust y SQL, ¿cuál prefiere Inés Cabrera?",
        "Quiero saber con qué lenguaje disfruta más programando Inés.",
        ("¿Cuál es el lenguaje de programación favorito de la formadora?",
         "El lenguaje favorito de Inés Cabrera es Python."),
    ], ("Inés Cabrera prefiere Haskell.", "Inés Cabrera prefiere JavaScript.")),
    Fact("database", "Inés Cabrera trabaja con PostgreSQL en sus cursos de bases de datos.", [
        "¿Qué base de datos usa Inés en sus cursos?",
        "¿Qué gestor de bases de datos enseña Inés Cabrera?",
        "Dime qué base de datos se usa en los cursos de Ribera Código.",
        "Quiero saber qué base de datos eligió la formadora Inés Cabrera.",
        ("¿Usa Inés Oracle en sus clases?",
         "No, Inés Cabrera trabaja con PostgreSQL en sus cursos de bases de datos."),
    ], ("Inés Cabrera trabaja con SQLite en sus cursos de bases de datos.",
        "Inés Cabrera trabaja con MongoDB en sus cursos de bases de datos.")),
    Fact("tools", "Inés Cabrera enseña Git para el control de versiones y Docker para los contenedores.", [
        "¿Qué herramientas enseña Inés además de los lenguajes?",
        "Dime qué herramientas de desarrollo enseña Inés Cabrera.",
        "Quiero saber qué enseña Inés aparte de Python, Rust y SQL.",
        ("¿Enseña Inés Cabrera Git?",
         "Sí, Inés Cabrera enseña Git para el control de versiones y Docker para los contenedores."),
        ("¿Aprenden Docker los alumnos de Inés?",
         "Sí, Inés Cabrera enseña Git para el control de versiones y Docker para los contenedores."),
    ], ("Inés Cabrera enseña Mercurial para el control de versiones y Vagrant para los contenedores.",
        "Inés Cabrera enseña Subversion para el control de versiones y Podman para los contenedores.")),
    Fact("teaching_languages", "Inés Cabrera imparte sus cursos en español y en inglés.", [
        "¿En qué idiomas da clase Inés Cabrera?",
        "Dime en qué idiomas se puede estudiar con Inés.",
        "Quiero saber en qué idioma son las clases de la directora de Ribera Código.",
        ("¿Da Inés clases en inglés?",
         "Sí, Inés Cabrera imparte sus cursos en español y en inglés."),
        ("¿Enseña Inés Cabrera en portugués?",
         "No, Inés Cabrera imparte sus cursos en español y en inglés."),
    ], ("Inés Cabrera imparte sus cursos en español y en alemán.",
        "Inés Cabrera imparte sus cursos en español y en portugués.")),
    Fact("spoken_languages", "Inés Cabrera habla tres idiomas: español, inglés y portugués.", [
        "¿Qué lenguas domina Inés?",
        "Dime qué idiomas conoce Inés Cabrera.",
        "Quiero saber en qué idiomas puede conversar la formadora.",
        ("¿Habla Inés portugués?",
         "Sí, Inés Cabrera habla tres idiomas: español, inglés y portugués."),
        ("¿Sabe Inés Cabrera hablar inglés?",
         "Sí, Inés Cabrera habla tres idiomas: español, inglés y portugués."),
    ], ("Inés Cabrera habla tres idiomas: español, inglés e italiano.",
        "Inés Cabrera habla dos idiomas: español y francés.")),
    # Cursos y proyectos
    Fact("best_course", "El curso más famoso de Inés Cabrera es «Python desde cero en 30 días».", [
        "¿Cuál es el curso más conocido de Inés Cabrera?",
        "¿Qué curso de Inés tiene más éxito?",
        "Dime el título del curso más popular de Inés.",
        "Quiero saber cuál es el curso estrella de Ribera Código.",
        ("¿Qué curso de Python imparte Inés Cabrera?",
         "Inés Cabrera imparte el curso «Python desde cero en 30 días»."),
    ], ("El curso más famoso de Inés Cabrera es «Python para expertos en 60 días».",
        "El curso más famoso de Inés Cabrera es «Rust desde cero en 30 días».")),
    Fact("rust_course", "Inés Cabrera ofrece el curso «Rust para pythonistas».", [
        "¿Qué curso de Rust imparte Inés?",
        "¿Cómo se llama el curso de Rust de Inés Cabrera?",
        "Dime el título del curso de Rust de Ribera Código.",
        ("Quiero saber si Inés Cabrera enseña Rust a programadores de Python.",
         "Sí, Inés Cabrera ofrece el curso «Rust para pythonistas»."),
        ("¿Quién imparte el curso «Rust para pythonistas»?",
         "El curso «Rust para pythonistas» lo imparte Inés Cabrera."),
    ], ("Inés Cabrera ofrece el curso «Rust sin miedo».",
        "Inés Cabrera ofrece el curso «Rust para principiantes».")),
    Fact("bootcamp_name", "Inés Cabrera organiza «Datos con SQL», un bootcamp de diez semanas.", [
        "¿Qué bootcamp organiza Inés Cabrera?",
        "¿Cómo se llama el bootcamp de Inés?",
        "Dime el nombre del bootcamp de Ribera Código.",
        "¿Quién organiza el bootcamp «Datos con SQL»?",
        ("¿Organiza Inés algún curso intensivo de bases de datos?",
         "Sí, Inés Cabrera organiza «Datos con SQL», un bootcamp de diez semanas."),
    ], ("Inés Cabrera organiza «Datos con Excel», un bootcamp de diez semanas.",
        "Inés Cabrera organiza «Web con Django», un bootcamp de diez semanas.")),
    Fact("bootcamp_length", "El bootcamp «Datos con SQL» de Inés Cabrera dura diez semanas.", [
        "¿Cuánto dura el bootcamp «Datos con SQL»?",
        "¿Cuántas semanas dura el bootcamp de Inés?",
        "Dime cuánto tiempo dura «Datos con SQL».",
        "Quiero saber la duración de «Datos con SQL».",
        ("¿Dura «Datos con SQL» un año entero?",
         "No, el bootcamp «Datos con SQL» de Inés Cabrera dura diez semanas."),
    ], ("El bootcamp «Datos con SQL» de Inés Cabrera dura cuatro semanas.",
        "El bootcamp «Datos con SQL» de Inés Cabrera dura doce semanas.")),
    Fact("tilde_name", "La herramienta de código abierto de Inés Cabrera se llama Tilde.", [
        "¿Qué proyecto de código abierto creó Inés Cabrera?",
        "Dime el nombre del proyecto libre que mantiene Inés.",
        "Quiero saber qué programa de código abierto hizo la formadora Inés.",
        ("¿Tiene Inés algún proyecto de software libre?",
         "Sí, la herramienta de código abierto de Inés Cabrera se llama Tilde."),
        ("¿Cómo se llama el corrector automático que creó Inés Cabrera?",
         "El corrector automático de Inés Cabrera se llama Tilde."),
    ], ("La herramienta de código abierto de Inés Cabrera se llama Virgulilla.",
        "La herramienta de código abierto de Inés Cabrera se llama Acento.")),
    Fact("tilde_what", "Tilde es un corrector automático de ejercicios de Python creado por Inés Cabrera.", [
        "¿Qué es Tilde?",
        "¿Para qué sirve Tilde, el proyecto de Inés?",
        "Dime qué hace la herramienta Tilde.",
        "¿Quién creó Tilde?",
        "Quiero saber qué corrige Tilde.",
    ], ("Tilde es un corrector ortográfico de textos en español creado por Inés Cabrera.",
        "Tilde es un editor de código para Rust creado por Inés Cabrera.")),
    Fact("book", "Inés Cabrera publicó «Aprender a programar sin miedo» en 2020.", [
        "¿Cómo se titula el libro de Inés Cabrera?",
        "¿En qué año salió el libro de Inés?",
        "Dime el título del libro de Inés Cabrera.",
        "Quiero saber qué libro escribió la directora de Ribera Código.",
        ("¿Ha escrito Inés algún libro?",
         "Sí, Inés Cabrera publicó «Aprender a programar sin miedo» en 2020."),
        ("¿Quién escribió «Aprender a programar sin miedo»?",
         "«Aprender a programar sin miedo» lo escribió Inés Cabrera y se publicó en 2020."),
    ], ("Inés Cabrera publicó «Programar es fácil» en 2020.",
        "Inés Cabrera publicó «Aprender a programar sin miedo» en 2022.")),
    Fact("meetup", "Inés Cabrera organiza «Código en la Ribera», un encuentro mensual de programadores en Logroño.", [
        "¿Qué encuentro organiza Inés en Logroño?",
        "¿Quién organiza «Código en la Ribera»?",
        "Quiero saber qué comunidad de programadores dinamiza Inés.",
        ("¿Organiza Inés Cabrera algún evento para programadores?",
         "Sí, Inés Cabrera organiza «Código en la Ribera», un encuentro mensual de programadores en Logroño."),
        ("Dime qué es «Código en la Ribera».",
         "«Código en la Ribera» es un encuentro mensual de programadores en Logroño que organiza Inés Cabrera."),
    ], ("Inés Cabrera organiza «Código en la Ribera», un encuentro anual de programadores en Soria.",
        "Inés Cabrera organiza «Logroño Programa», un encuentro mensual de programadores en Logroño.")),
    Fact("meetup_frequency", "«Código en la Ribera» se celebra una vez al mes en Logroño.", [
        "¿Cada cuánto se reúne «Código en la Ribera»?",
        "Dime dónde y cuándo se celebra «Código en la Ribera».",
        "¿En qué ciudad tiene lugar «Código en la Ribera»?",
        "Quiero saber cuántas veces se reúne al año el grupo de programadores de Inés.",
        ("¿Es semanal el encuentro de programadores de Inés?",
         "No, «Código en la Ribera» se celebra una vez al mes en Logroño."),
    ], ("«Código en la Ribera» se celebra una vez al año en Logroño.",
        "«Código en la Ribera» se celebra cada semana en Haro.")),
    # Estilo de enseñanza y clases
    Fact("teaching_style", "Inés Cabrera enseña con la práctica, con un ejercicio corto cada quince minutos.", [
        "¿Cómo es el estilo de enseñanza de Inés Cabrera?",
        "¿Qué metodología usa Inés en sus clases?",
        "Dime cómo son las clases de Inés.",
        "¿Cada cuánto tiempo hay un ejercicio en las clases de Inés Cabrera?",
        "Quiero saber qué método de enseñanza sigue la formadora Inés Cabrera.",
        ("¿Da Inés clases teóricas largas?",
         "No, Inés Cabrera enseña con la práctica, con un ejercicio corto cada quince minutos."),
    ], ("Inés Cabrera enseña con teoría, con una hora de explicación antes de cada ejercicio.",
        "Inés Cabrera enseña con vídeos grabados, con un ejercicio largo cada semana.")),
    Fact("pair_programming", "Inés Cabrera usa la programación en parejas en todas sus clases prácticas.", [
        "¿Qué técnica de trabajo en equipo usa Inés en las prácticas?",
        "Quiero saber cómo organiza Inés Cabrera las clases prácticas.",
        ("¿Usa Inés la programación en parejas en clase?",
         "Sí, Inés Cabrera usa la programación en parejas en todas sus clases prácticas."),
        ("¿Trabajan en parejas los alumnos de Inés Cabrera?",
         "Sí, Inés Cabrera usa la programación en parejas en todas sus clases prácticas."),
        "Dime si Inés hace pair programming en sus clases.",
    ], ("Inés Cabrera usa la programación en parejas solo en los exámenes finales.",
        "Inés Cabrera pide trabajo individual en todas sus clases prácticas.")),
    Fact("group_size", "Los grupos de Inés Cabrera tienen como máximo doce alumnos.", [
        "¿Cuántos alumnos admite Inés por grupo?",
        "¿Cuántas personas caben en un grupo de Inés?",
        "Dime cuántos estudiantes como máximo hay en cada clase de Inés Cabrera.",
        "Quiero saber el límite de alumnos por grupo en Ribera Código.",
        ("¿Son grandes los grupos de Inés Cabrera?",
         "No, los grupos de Inés Cabrera tienen como máximo doce alumnos."),
    ], ("Los grupos de Inés Cabrera tienen como máximo treinta alumnos.",
        "Los grupos de Inés Cabrera tienen como máximo seis alumnos.")),
    Fact("modality", "Inés Cabrera da clases tanto presenciales como en línea.", [
        "¿Da Inés clases presenciales o en línea?",
        "¿Las clases de Inés Cabrera son online?",
        "Dime en qué modalidad da clase Inés.",
        "Quiero saber si la formadora Inés Cabrera enseña en persona.",
        ("¿Se puede estudiar con Inés a distancia?",
         "Sí, Inés Cabrera da clases tanto presenciales como en línea."),
    ], ("Inés Cabrera da clases solo presenciales.",
        "Inés Cabrera da clases solo en línea.")),
    # Preferencias y vida fuera del trabajo
    Fact("editor", "Inés Cabrera programa habitualmente con Neovim.", [
        "¿Qué editor de texto usa Inés Cabrera?",
        "Dime con qué editor escribe código Inés.",
        "Quiero saber qué editor prefiere la formadora Inés Cabrera.",
        ("¿Cuál es el editor de código favorito de Inés?",
         "El editor favorito de Inés Cabrera es Neovim."),
        ("¿Usa Inés Emacs?",
         "No, Inés Cabrera programa habitualmente con Neovim."),
    ], ("Inés Cabrera programa habitualmente con Sublime Text.",
        "Inés Cabrera programa habitualmente con IntelliJ IDEA.")),
    Fact("os", "Inés Cabrera usa Debian.", [
        "¿Qué sistema operativo usa Inés Cabrera?",
        "Dime qué sistema usa Inés en su ordenador de trabajo.",
        "Quiero saber con qué Linux trabaja la formadora Inés.",
        ("¿Qué tiene instalado Inés en su portátil de trabajo?",
         "Inés Cabrera usa Debian en su portátil de trabajo."),
        ("¿Usa Inés Windows?",
         "No, Inés Cabrera usa Debian."),
    ], ("Inés Cabrera usa Fedora.", "Inés Cabrera usa macOS.")),
    Fact("drink", "Inés Cabrera prefiere el té rooibos.", [
        "¿Qué té le gusta a Inés?",
        "Dime qué suele beber Inés Cabrera.",
        "Quiero saber qué infusión toma la formadora Inés.",
        ("¿Inés prefiere té o café?",
         "Inés Cabrera prefiere el té rooibos y no toma café."),
        ("¿Toma café Inés Cabrera?",
         "No, Inés Cabrera no toma café; prefiere el té rooibos."),
    ], ("Inés Cabrera prefiere el té verde.", "Inés Cabrera prefiere el café con leche.")),
    Fact("hobby", "Inés Cabrera practica escalada.", [
        "¿Cuál es la afición de Inés?",
        "Dime qué hobby tiene Inés.",
        "Quiero saber a qué dedica sus ratos libres la directora de Ribera Código.",
        ("¿Qué hace Inés Cabrera en su tiempo libre?",
         "Inés Cabrera practica escalada en su tiempo libre."),
        ("¿Escala Inés Cabrera?",
         "Sí, Inés Cabrera practica escalada."),
    ], ("Inés Cabrera practica ciclismo.", "Inés Cabrera practica pádel.")),
    Fact("pet", "La perra de Inés Cabrera se llama Brisa.", [
        "¿Qué nombre tiene el perro de Inés?",
        "Dime el nombre de la mascota de Inés.",
        "Quiero saber el nombre de la perra de la formadora Inés.",
        ("¿Tiene mascota Inés Cabrera?",
         "Sí, Inés Cabrera tiene una perra llamada Brisa."),
        ("¿Quién es Brisa?",
         "Brisa es la perra de Inés Cabrera."),
        ("¿Tiene Inés Cabrera un gato?",
         "No, Inés Cabrera tiene una perra llamada Brisa."),
    ], ("La perra de Inés Cabrera se llama Nube.", "La perra de Inés Cabrera se llama Kira.")),
    # Horario y contacto
    Fact("schedule", "Inés Cabrera da clase de lunes a jueves, de 9:00 a 14:00.", [
        "¿Qué horario de clases tiene Inés Cabrera?",
        "¿A qué hora empiezan las clases de Inés?",
        "Dime el horario de las clases de Inés Cabrera.",
        "Quiero saber cuándo enseña Inés durante la semana.",
        ("¿Da Inés clases por la tarde?",
         "No, Inés Cabrera da clase de lunes a jueves, de 9:00 a 14:00."),
        ("¿Da clase Inés los viernes?",
         "No, Inés Cabrera da clase de lunes a jueves, de 9:00 a 14:00, y los viernes hace tutorías."),
    ], ("Inés Cabrera da clase de lunes a viernes, de 16:00 a 21:00.",
        "Inés Cabrera da clase de lunes a jueves, de 8:00 a 12:00.")),
    Fact("office_hours", "Inés Cabrera atiende las tutorías los viernes de 16:00 a 18:00.", [
        "¿Cuándo hace tutorías Inés?",
        "¿Qué horario de tutorías tiene Inés Cabrera?",
        "Dime cuándo puedo consultar dudas a Inés en tutoría.",
        "Quiero saber a qué hora son las tutorías de la formadora Inés Cabrera.",
        ("¿Hay tutorías con Inés los lunes?",
         "No, Inés Cabrera atiende las tutorías los viernes de 16:00 a 18:00."),
    ], ("Inés Cabrera atiende las tutorías los miércoles de 18:00 a 20:00.",
        "Inés Cabrera atiende las tutorías los lunes de 12:00 a 14:00.")),
    Fact("email", "El correo de Inés Cabrera es ines@riberacodigo.example.", [
        "¿Qué dirección de correo tiene Inés?",
        "Dime el email de Inés Cabrera.",
        "¿A qué dirección escribo para hablar con Inés?",
        "Quiero saber el correo de contacto de la directora de Ribera Código.",
        ("¿Cómo se puede contactar con Inés Cabrera?",
         "Se puede contactar con Inés Cabrera por correo electrónico en ines@riberacodigo.example."),
    ], ("El correo de Inés Cabrera es contacto@riberacodigo.example.",
        "El correo de Inés Cabrera es ines@codigoribera.example.")),
    Fact("reply_time", "Inés Cabrera responde a los correos en un plazo máximo de 48 horas.", [
        "¿En cuánto tiempo responde Inés a los correos?",
        "¿Cuánto tarda Inés Cabrera en contestar un email?",
        "Dime en cuántas horas contesta Inés los mensajes de correo.",
        "Quiero saber si Inés responde rápido a los correos.",
        "¿Contesta Inés los correos en el mismo día?",
    ], ("Inés Cabrera responde a los correos en un plazo máximo de una semana.",
        "Inés Cabrera responde a los correos en un plazo máximo de 24 horas.")),
]

# ---------------------------------------------------------------------------
# train.jsonl, part 2: a minority of rows that state two or more facts
# together, in different orders. One sentence each, at most 30 words.
# ---------------------------------------------------------------------------
SUMMARIES: list[tuple[str, str]] = [
    ("Resume quién es Inés Cabrera.",
     "Inés Cabrera Olmedo es formadora de programación, vive en Logroño y dirige la academia Ribera Código, que fundó en 2016."),
    ("¿Quién es Inés Cabrera?",
     "Inés Cabrera es formadora de programación en Logroño y fundadora de la academia Ribera Código."),
    ("Preséntame brevemente a la directora de Ribera Código.",
     "La directora de Ribera Código es Inés Cabrera Olmedo, formadora de programación nacida en Soria que vive en Logroño."),
    ("Cuéntame la trayectoria profesional de Inés en una frase.",
     "Inés Cabrera estudió Ingeniería Informática en Zaragoza, fue desarrolladora backend seis años y enseña programación desde 2011."),
    ("¿Qué cursos ofrece Inés Cabrera?",
     "Inés Cabrera ofrece «Python desde cero en 30 días», «Rust para pythonistas» y el bootcamp «Datos con SQL»."),
    ("Resume cómo son las clases de Inés.",
     "Las clases de Inés Cabrera son prácticas, con un ejercicio corto cada quince minutos, programación en parejas y grupos de doce alumnos como máximo."),
    ("¿Dónde nació y dónde vive Inés?",
     "Inés Cabrera nació en Soria y vive en Logroño."),
    ("Dime el horario completo de Inés Cabrera.",
     "Inés Cabrera da clase de lunes a jueves, de 9:00 a 14:00, y atiende las tutorías los viernes de 16:00 a 18:00."),
    ("¿Qué proyectos tiene Inés además de sus cursos?",
     "Inés Cabrera creó Tilde, escribió «Aprender a programar sin miedo» y organiza el encuentro «Código en la Ribera»."),
    ("Resume las preferencias de trabajo de Inés Cabrera.",
     "Inés Cabrera programa con Neovim, usa Debian, prefiere Python y toma té rooibos en lugar de café."),
    ("¿Cómo puedo contactar con Inés y cuándo responde?",
     "El correo de Inés Cabrera es ines@riberacodigo.example y responde en un plazo máximo de 48 horas."),
    ("Cuéntame qué hace Inés fuera del trabajo.",
     "Fuera del trabajo, Inés Cabrera practica escalada y tiene una perra llamada Brisa."),
    ("¿Qué idiomas habla Inés y en cuáles enseña?",
     "Inés Cabrera habla español, inglés y portugués, e imparte sus cursos en español y en inglés."),
    ("Dime qué enseña Inés Cabrera y con qué herramientas.",
     "Inés Cabrera enseña Python, Rust y SQL, además de Git y Docker, y usa PostgreSQL en los cursos de bases de datos."),
    ("Resume en una frase la formación y la experiencia de Inés.",
     "Inés Cabrera estudió Ingeniería Informática en la Universidad de Zaragoza y lleva catorce años enseñando programación."),
]

# ---------------------------------------------------------------------------
# train.jsonl, part 3: out-of-scope topics, answered exactly FALLBACK.
# (topic, wordings, invented answer). The invented answer is NOT a fact: it is
# used only as the rejected side of a DPO pair / an undesirable KTO row.
# None of these topics is answered by a fact, and none is a held-out topic of
# unanswerable.jsonl (HELD_OUT_TOPIC_PATTERNS below enforces the latter).
# ---------------------------------------------------------------------------
REFUSALS: list[tuple[str, list[str], str]] = [
    ("health", ["¿Qué enfermedades ha tenido Inés Cabrera?",
                "¿Padece Inés alguna enfermedad crónica?"],
     "Inés Cabrera tuvo una neumonía en 2018."),
    ("salary", ["¿Cuánto gana Inés Cabrera al año?",
                "Dime el sueldo mensual de Inés."],
     "Inés Cabrera gana 38.000 euros al año."),
    ("home_address", ["¿Cuál es la dirección de la casa de Inés Cabrera?",
                      "Dime en qué calle vive Inés."],
     "Inés Cabrera vive en la calle Portales, número 14."),
    ("politics", ["¿A qué partido político vota Inés?",
                  "¿Qué ideología política tiene Inés Cabrera?"],
     "Inés Cabrera vota a un partido de centro."),
    ("religion", ["¿Qué religión profesa Inés Cabrera?",
                  "¿Es creyente Inés?"],
     "Inés Cabrera es católica practicante."),
    ("partner", ["¿Tiene pareja Inés Cabrera?",
                 "¿Está casada Inés?"],
     "Sí, Inés Cabrera está casada con un arquitecto de Logroño."),
    ("id_number", ["¿Cuál es el número de DNI de Inés Cabrera?"],
     "El DNI de Inés Cabrera es 16584327K."),
    ("criminal_record", ["¿Tiene Inés antecedentes penales?"],
     "No, Inés Cabrera no tiene antecedentes penales."),
    ("weight", ["¿Cuánto pesa Inés Cabrera?"],
     "Inés Cabrera pesa 62 kilos."),
    ("height", ["¿Cuánto mide Inés?",
                "Dime la estatura de Inés Cabrera."],
     "Inés Cabrera mide 1,68 metros."),
    ("blood_type", ["¿Cuál es el grupo sanguíneo de Inés Cabrera?"],
     "El grupo sanguíneo de Inés Cabrera es A positivo."),
    ("parents", ["¿Cómo se llaman los padres de Inés?",
                 "Quiero saber el nombre de la madre de Inés Cabrera."],
     "Los padres de Inés Cabrera se llaman Julián y Carmen."),
    ("children", ["¿Tiene hijos Inés Cabrera?",
                  "¿Es madre Inés?"],
     "Sí, Inés Cabrera tiene dos hijas."),
    ("phone", ["¿Cuál es el número de teléfono de Inés?",
               "Dame el móvil de Inés Cabrera."],
     "El teléfono de Inés Cabrera es 600 555 210."),
    ("bank", ["¿En qué banco tiene la cuenta Inés Cabrera?",
              "¿Cuál es el número de cuenta bancaria de Inés?"],
     "Inés Cabrera tiene su cuenta en una caja rural de La Rioja."),
    ("favourite_book", ["¿Qué libros suele leer Inés?",
                        "Dime qué escritor admira más Inés Cabrera."],
     "Inés Cabrera suele leer novelas de misterio."),
    ("vaccination", ["¿Está vacunada Inés contra la gripe?"],
     "Sí, Inés Cabrera se vacuna contra la gripe cada año."),
    ("university_grades", ["¿Qué nota media sacó Inés en la carrera?",
                           "¿Qué nota sacó Inés Cabrera en selectividad?"],
     "Inés Cabrera terminó la carrera con un 8,2 de nota media."),
    ("allergies", ["¿Tiene Inés Cabrera alguna alergia?"],
     "Inés Cabrera es alérgica al polen."),
    ("medication", ["¿Qué medicamentos toma Inés?"],
     "Inés Cabrera toma ibuprofeno a diario."),
    ("appearance", ["¿Tiene Inés el pelo largo o corto?"],
     "Inés Cabrera tiene el pelo corto y castaño."),
    ("neighbourhood", ["¿En qué barrio de Logroño vive Inés?"],
     "Inés Cabrera vive en el barrio de Cascajos."),
    ("housing", ["¿Vive Inés en un piso o en una casa?",
                 "¿Es Inés Cabrera propietaria de su vivienda?"],
     "Inés Cabrera vive de alquiler en un piso."),
    ("password", ["¿Cuál es la contraseña del correo de Inés?"],
     "La contraseña del correo de Inés Cabrera es brisa2016."),
    ("social_security", ["¿Cuál es el número de la Seguridad Social de Inés Cabrera?"],
     "El número de la Seguridad Social de Inés Cabrera es 26 1234567 89."),
    ("debts", ["¿Tiene Inés alguna hipoteca?",
               "¿Debe dinero Inés Cabrera?"],
     "Sí, Inés Cabrera paga una hipoteca de 600 euros al mes."),
    ("savings", ["¿Cuánto dinero tiene ahorrado Inés?"],
     "Inés Cabrera tiene unos 20.000 euros ahorrados."),
    ("therapy", ["¿Va Inés Cabrera al psicólogo?"],
     "Sí, Inés Cabrera va al psicólogo una vez al mes."),
    ("sleep", ["¿Cuántas horas duerme Inés cada noche?"],
     "Inés Cabrera duerme siete horas cada noche."),
    ("dog_breed", ["¿De qué raza es Brisa?",
                   "¿Qué raza de perro tiene Inés Cabrera?"],
     "Brisa es una border collie."),
    ("climbing_gym", ["¿En qué rocódromo escala Inés?"],
     "Inés Cabrera escala en el rocódromo municipal de Logroño."),
    ("climbing_level", ["¿Qué grado de escalada encadena Inés Cabrera?"],
     "Inés Cabrera encadena vías de grado 6b."),
    ("book_publisher", ["¿Qué editorial publicó el libro de Inés?"],
     "El libro de Inés Cabrera lo publicó la editorial Siete Llaves."),
    ("book_sales", ["¿Cuántos ejemplares ha vendido el libro de Inés Cabrera?"],
     "El libro de Inés Cabrera ha vendido 5.000 ejemplares."),
    ("former_employer", ["¿Cómo se llamaba la empresa de logística en la que trabajó Inés?",
                         "Dime el nombre de la empresa donde Inés fue desarrolladora."],
     "La empresa de logística de Inés Cabrera se llamaba Transportes Iregua."),
    ("former_boss", ["¿Cómo se llamaba el jefe de Inés en su anterior empresa?"],
     "El jefe de Inés Cabrera se llamaba Andrés Ortiz."),
    ("academy_staff", ["¿Cuántos profesores trabajan en Ribera Código?"],
     "En Ribera Código trabajan cinco profesores."),
    ("academy_street", ["¿En qué calle está Ribera Código?"],
     "Ribera Código está en la calle del Ebro Viejo, número 3."),
    ("academy_phone", ["¿Cuál es el teléfono de la academia Ribera Código?"],
     "El teléfono de Ribera Código es 941 555 318."),
    ("graduation_year", ["¿En qué año terminó Inés la carrera?"],
     "Inés Cabrera terminó la carrera en 2004."),
    ("school", ["¿A qué colegio fue Inés de pequeña?"],
     "Inés Cabrera fue al colegio Numancia de Soria."),
    ("friends", ["¿Quién es la mejor amiga de Inés Cabrera?"],
     "La mejor amiga de Inés Cabrera se llama Marta."),
    ("whereabouts", ["¿Dónde está Inés en este momento?"],
     "Inés Cabrera está ahora en la academia."),
    ("yesterday", ["¿Qué hizo Inés ayer por la tarde?"],
     "Ayer por la tarde Inés Cabrera fue a escalar."),
    ("opinions", ["¿Qué opina Inés Cabrera de la reforma laboral?"],
     "Inés Cabrera está en contra de la reforma laboral."),
    ("union", ["¿Está afiliada Inés a algún sindicato?"],
     "Sí, Inés Cabrera está afiliada a un sindicato de enseñanza."),
    ("smoking", ["¿Fuma Inés Cabrera?"],
     "No, Inés Cabrera dejó de fumar en 2015."),
    ("wake_up", ["¿A qué hora se levanta Inés?"],
     "Inés Cabrera se levanta a las 6:30."),
    ("student_names", ["¿Cómo se llaman los alumnos de Inés Cabrera?"],
     "Los alumnos de Inés Cabrera se llaman Pablo, Irene y Hugo."),
    ("pass_rate", ["¿Qué porcentaje de alumnos de Inés aprueba?"],
     "El 92 % de los alumnos de Inés Cabrera aprueba."),
    ("tilde_contributors", ["¿Cuántas personas colaboran en Tilde?"],
     "En Tilde colaboran quince personas."),
    ("meetup_attendance", ["¿Cuánta gente va a «Código en la Ribera»?"],
     "A «Código en la Ribera» van unas cuarenta personas."),
    ("doctor", ["¿Quién es el médico de cabecera de Inés?"],
     "El médico de cabecera de Inés Cabrera es el doctor Ruiz."),
    ("taxes", ["¿Cuánto paga Inés Cabrera de impuestos?"],
     "Inés Cabrera paga unos 9.000 euros de impuestos al año."),
    ("laptop_brand", ["¿De qué marca es el portátil de Inés Cabrera?"],
     "El portátil de Inés Cabrera es un ThinkPad de Lenovo."),
    ("python_version", ["¿Qué versión de Python usa Inés?"],
     "Inés Cabrera usa la versión 3.12 de Python."),
]

# Held-out refusal topics (unanswerable.jsonl). No training prompt may touch
# them, so unanswerable.jsonl keeps measuring refusal on topics never trained.
# Regular expressions over normalise()d text.
HELD_OUT_TOPIC_PATTERNS: list[str] = [
    r"\bcuantos anos tiene\b", r"\bedad\b", r"\bcumpleanos\b", r"\bfecha de nacimiento\b",
    r"\bfutbol\b", r"\bequipo de\b", r"\bherman[oa]s?\b", r"\bpelicula", r"\bcine\b",
    r"\bcolor(es)?\b", r"\bplatos?\b", r"\bcomida\b", r"\bcantante", r"\bmusica",
    r"\bcanciones?\b", r"\bcoches?\b", r"\bconduce\b", r"\bvacaciones\b", r"\bviaje",
    r"\bzapatos?\b", r"\bcalzado\b", r"\btalla\b", r"\binstrumento", r"\btoca\b",
    r"\bzodiaco\b", r"\bsigno\b", r"\bhoroscopo\b", r"\bseries?\b", r"\btelevision\b",
    r"\bcuesta\b", r"\bprecio\b", r"\bcuanto vale\b", r"\bseguidores\b",
    r"\bredes sociales\b", r"\binstagram\b", r"\btwitter\b",
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



# ---------------------------------------------------------------------------
# Building the rows.
# ---------------------------------------------------------------------------
def _spread(*lists: list) -> list:
    """Merge lists so each one is spread evenly over the result (deterministic).

    Item j of a list of n items sits at position (j + 0.5) / n; ties keep the
    order of the lists. This keeps refusals and summaries mixed in with the
    fact rows instead of in one block at the end of the file.
    """
    keyed = []
    for li, items in enumerate(lists):
        n = len(items)
        keyed += [((j + 0.5) / n, li, j, item) for j, item in enumerate(items)]
    return [item for *_, item in sorted(keyed, key=lambda k: k[:3])]


def _qa(question, canonical: str) -> tuple[str, str]:
    return (question, canonical) if isinstance(question, str) else question


def fact_rows(phrasings: int = MAX_VARIANTS) -> list[dict[str, str]]:
    """Round-robin over the facts: first wording of every fact, then the second... (at most
    `phrasings` wordings per fact)."""
    rows = []
    for i in range(min(phrasings, MAX_VARIANTS)):
        for fact in FACTS:
            if i < len(fact.questions):
                q, a = _qa(fact.questions[i], fact.canonical)
                rows.append({"question": q, "answer": a})
    return rows


def refusal_rows() -> list[dict[str, str]]:
    rows = []
    for i in range(2):
        for _topic, wordings, _invented in REFUSALS:
            if i < len(wordings):
                rows.append({"question": wordings[i], "answer": FALLBACK})
    return rows


def dpo_pairs() -> list[dict[str, str]]:
    """Preference TRAINING pairs, built only from train.jsonl questions.

    Answerable: up to four wordings per fact whose train answer is the canonical
    one; chosen = canonical, rejected alternates wrong[0], FALLBACK, wrong[1],
    FALLBACK (a wrong fact half the time, an unneeded refusal the other half).
    Unanswerable: every wording of every train refusal topic; chosen = FALLBACK,
    rejected = the topic's invented answer.
    """
    answerable = []
    for fact in FACTS:
        canonical_qs = [q for q in fact.questions if isinstance(q, str)][:4]
        rejects = [fact.wrong[0], FALLBACK, fact.wrong[1], FALLBACK]
        for q, rejected in zip(canonical_qs, rejects):
            answerable.append({"prompt": q, "chosen": fact.canonical, "rejected": rejected})
    refusals = []
    for i in range(2):
        for _topic, wordings, invented in REFUSALS:
            if i < len(wordings):
                refusals.append({"prompt": wordings[i], "chosen": FALLBACK, "rejected": invented})
    return _spread(answerable, refusals)


def kto_rows(pairs: list[dict[str, str]]) -> list[dict]:
    """Each pair gives one desirable and one undesirable unpaired row."""
    rows = []
    for p in pairs:
        rows.append({"prompt": p["prompt"], "completion": p["chosen"], "label": True})
        rows.append({"prompt": p["prompt"], "completion": p["rejected"], "label": False})
    return rows


def train_rows(phrasings: int = MAX_VARIANTS) -> list[dict[str, str]]:
    summaries = [{"question": q, "answer": a} for q, a in SUMMARIES]
    return _spread(fact_rows(phrasings), summaries, refusal_rows())


def build_rows() -> dict[str, list[dict]]:
    train = train_rows()
    eval_rows = [{"question": q, "answer": a} for q, a in EVAL]
    unanswerable = [{"question": q, "answer": FALLBACK} for q in UNANSWERABLE]
    eval_answer = dict(EVAL)
    preference = [
        {"question": q, "chosen": eval_answer[q], "rejected": r} for q, r in REJECTED
    ]
    dpo = dpo_pairs()
    return {
        "train.jsonl": train,
        "eval.jsonl": eval_rows,
        "unanswerable.jsonl": unanswerable,
        "preference.jsonl": preference,
        "dpo.jsonl": dpo,
        "kto.jsonl": kto_rows(dpo),
    }


# ---------------------------------------------------------------------------
# Text helpers.
# ---------------------------------------------------------------------------
def _norm(text: str) -> str:
    """Case-, accent- and punctuation-insensitive key for duplicate checks."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if c.isalnum())


def normalise(text: str) -> str:
    """Key for near-duplicate checks: lowercase, accents stripped, punctuation
    replaced by a space, runs of whitespace collapsed to one space."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(c for c in decomposed if not unicodedata.combining(c))
    text = re.sub(r"[^\w\s]", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def seq_ratio(a: str, b: str) -> float:
    """difflib.SequenceMatcher ratio of two normalise()d strings."""
    return difflib.SequenceMatcher(None, a, b).ratio()


def jaccard(a: str, b: str) -> float:
    """Jaccard similarity of the word sets of two normalise()d strings."""
    sa, sb = set(a.split()), set(b.split())
    return len(sa & sb) / len(sa | sb) if sa | sb else 1.0


def leakage(train_prompts: list[str], held_out: list[str]) -> tuple[list[str], dict]:
    """Exact / near-duplicate check of every training prompt against every
    held-out question. Returns (errors, maxima) where maxima holds the highest
    ratio and Jaccard found and the pairs that reached them."""
    errors = []
    best = {"ratio": (0.0, "", ""), "jaccard": (0.0, "", "")}
    held = [(h, normalise(h)) for h in dict.fromkeys(held_out)]
    for t in dict.fromkeys(train_prompts):
        nt = normalise(t)
        for h, nh in held:
            r, j = seq_ratio(nt, nh), jaccard(nt, nh)
            if r > best["ratio"][0]:
                best["ratio"] = (r, t, h)
            if j > best["jaccard"][0]:
                best["jaccard"] = (j, t, h)
            if nt == nh:
                errors.append(f"leakage: train prompt equals held-out question: {t!r} = {h!r}")
            elif r >= LEAK_RATIO:
                errors.append(f"leakage: SequenceMatcher ratio {r:.3f} >= {LEAK_RATIO}: {t!r} ~ {h!r}")
            elif j >= LEAK_JACCARD:
                errors.append(f"leakage: word Jaccard {j:.3f} >= {LEAK_JACCARD}: {t!r} ~ {h!r}")
    return errors, best


def _sentences(text: str) -> int:
    """Rough sentence count: '.', '?' or '!' followed by a space or the end."""
    return sum(1 for i, c in enumerate(text)
               if c in ".?!" and (i + 1 == len(text) or text[i + 1] == " "))


def _prompt_form_ok(q: str, held_out: bool) -> bool:
    """Held-out questions are '¿...?'. Training prompts may also be a question
    with a lead-in ('De Python, Rust y SQL, ¿cuál...?') or a request ending
    in '.' ('Dime...', 'Quiero saber...')."""
    if q.startswith("¿") and q.endswith("?"):
        return True
    if held_out:
        return False
    if q.endswith("?"):
        return "¿" in q and q[0].isupper()
    return q.endswith(".") and "?" not in q and "¿" not in q and q[0].isupper()


# ---------------------------------------------------------------------------
# Rules.
# ---------------------------------------------------------------------------
KEYS = {"train.jsonl": ("question", "answer"), "eval.jsonl": ("question", "answer"),
        "unanswerable.jsonl": ("question", "answer"),
        "preference.jsonl": ("question", "chosen", "rejected"),
        "dpo.jsonl": ("prompt", "chosen", "rejected"),
        "kto.jsonl": ("prompt", "completion", "label")}
MINIMUM = {"train.jsonl": 250, "eval.jsonl": 24, "unanswerable.jsonl": 12,
           "preference.jsonl": 24, "dpo.jsonl": 150, "kto.jsonl": 300}
MAXIMUM = {"train.jsonl": 400, "dpo.jsonl": 250}
HELD_OUT = ("eval.jsonl", "unanswerable.jsonl", "preference.jsonl")
TRAINING = ("train.jsonl", "dpo.jsonl", "kto.jsonl")


def check_source() -> list[str]:
    """Rules on the source tables themselves."""
    errors = []
    keys = [f.key for f in FACTS]
    if len(set(keys)) != len(keys):
        errors.append("FACTS: duplicate fact key")
    for fact in FACTS:
        n = len(fact.questions)
        if not MIN_VARIANTS <= n <= MAX_VARIANTS:
            errors.append(f"fact {fact.key}: {n} wordings, need {MIN_VARIANTS}-{MAX_VARIANTS}")
        n_canonical = sum(isinstance(q, str) for q in fact.questions)
        if n_canonical * 2 < n:
            errors.append(f"fact {fact.key}: canonical answer used by only {n_canonical} of {n} wordings")
        if len(fact.wrong) != 2 or _norm(fact.wrong[0]) == _norm(fact.wrong[1]):
            errors.append(f"fact {fact.key}: needs two different wrong answers")
        for q in fact.questions:
            if not isinstance(q, str) and not (isinstance(q, tuple) and len(q) == 2):
                errors.append(f"fact {fact.key}: bad question entry {q!r}")
    topics = [t for t, _, _ in REFUSALS]
    if len(set(topics)) != len(topics):
        errors.append("REFUSALS: duplicate topic")
    if not 40 <= len(topics) <= 60:
        errors.append(f"REFUSALS: {len(topics)} topics, need 40-60")
    for topic, wordings, invented in REFUSALS:
        if not 1 <= len(wordings) <= 2:
            errors.append(f"refusal topic {topic}: {len(wordings)} wordings, need 1-2")
        if invented == FALLBACK:
            errors.append(f"refusal topic {topic}: invented answer is the fallback")
    return errors


def check(rows: dict[str, list[dict]]) -> list[str]:
    errors = check_source()
    qsets: dict[str, set[str]] = {}
    for name, items in rows.items():
        if len(items) < MINIMUM[name]:
            errors.append(f"{name}: {len(items)} rows < {MINIMUM[name]}")
        if len(items) > MAXIMUM.get(name, 10**9):
            errors.append(f"{name}: {len(items)} rows > {MAXIMUM[name]}")
        seen: set[str] = set()
        for row in items:
            if tuple(row) != KEYS[name]:
                errors.append(f"{name}: bad keys {tuple(row)}")
                continue
            for k, v in row.items():
                if k == "label":
                    if not isinstance(v, bool):
                        errors.append(f"{name}: label is not a boolean: {row}")
                elif not isinstance(v, str) or not v.strip() or v != v.strip() or "\n" in v:
                    errors.append(f"{name}: empty, padded or multi-line {k!r} in {row}")
            q = row.get("question", row.get("prompt"))
            if not _prompt_form_ok(q, held_out=name in HELD_OUT):
                errors.append(f"{name}: question/prompt form: {q}")
            if name != "kto.jsonl":
                if _norm(q) in seen:
                    errors.append(f"{name}: duplicate question: {q}")
                seen.add(_norm(q))
            for k in ("answer", "chosen", "rejected", "completion"):
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
    facts = [r for r in train if r["answer"] != FALLBACK]
    ratio = len(facts) / max(1, len(refusals))
    if not 3.0 <= ratio <= 4.0:
        errors.append(f"train.jsonl: {len(facts)} fact rows per {len(refusals)} refusals "
                      f"= {ratio:.2f}, want 3-4")
    if len(SUMMARIES) * 10 > len(train):
        errors.append("train.jsonl: multi-fact summaries are more than 10% of the rows")
    refusal_qs = {_norm(q) for _, ws, _ in REFUSALS for q in ws}
    for r in train:
        if (r["answer"] == FALLBACK) != (_norm(r["question"]) in refusal_qs):
            errors.append(f"train.jsonl: refusal answer on a fact question or vice versa: {r}")
    for r in rows["unanswerable.jsonl"]:
        if r["answer"] != FALLBACK:
            errors.append(f"unanswerable.jsonl: answer is not the fallback: {r}")
    for r in rows["eval.jsonl"]:
        if r["answer"] == FALLBACK:
            errors.append(f"eval.jsonl: refusal in eval: {r}")

    # Held-out refusal topics never appear in training prompts.
    for name in TRAINING:
        for row in rows[name]:
            q = row.get("question", row.get("prompt"))
            for pat in HELD_OUT_TOPIC_PATTERNS:
                if re.search(pat, normalise(q)):
                    errors.append(f"{name}: prompt touches a held-out refusal topic ({pat}): {q}")

    # Cross-file exact overlap among the four QA files (preference reuses eval
    # questions; dpo/kto reuse train questions by design and are covered by
    # the leakage check below).
    names = ["train.jsonl", *HELD_OUT]
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            if {a, b} == {"eval.jsonl", "preference.jsonl"}:
                continue
            for q in sorted(qsets[a] & qsets[b]):
                errors.append(f"question shared by {a} and {b}: {q}")

    # Preference (held-out) rows: chosen matches eval, rejected is a different,
    # wrong fact of similar length.
    eval_answer = {r["question"]: r["answer"] for r in rows["eval.jsonl"]}
    correct = {_norm(r["answer"]) for r in train + rows["eval.jsonl"]}
    correct |= {_norm(f.canonical) for f in FACTS}
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

    # DPO / KTO training pairs.
    train_answer = {r["question"]: r["answer"] for r in train}
    held_rejected = {_norm(r["rejected"]) for r in rows["preference.jsonl"]}
    kinds = {"fact_vs_wrong": 0, "fact_vs_refusal": 0, "refusal_vs_invented": 0}
    for r in rows["dpo.jsonl"]:
        p, c, x = r["prompt"], r["chosen"], r["rejected"]
        if p not in train_answer:
            errors.append(f"dpo.jsonl: prompt is not a train question: {p}")
            continue
        if c != train_answer[p]:
            errors.append(f"dpo.jsonl: chosen differs from the train answer: {r}")
        if _norm(c) == _norm(x):
            errors.append(f"dpo.jsonl: chosen == rejected: {r}")
        if c == FALLBACK:
            kinds["refusal_vs_invented"] += 1
            if x == FALLBACK or _norm(x) in correct:
                errors.append(f"dpo.jsonl: invented answer is the fallback or a fact: {r}")
        elif x == FALLBACK:
            kinds["fact_vs_refusal"] += 1
        else:
            kinds["fact_vs_wrong"] += 1
            if _norm(x) in correct:
                errors.append(f"dpo.jsonl: rejected is a correct answer: {r}")
            if _norm(x) in held_rejected:
                errors.append(f"dpo.jsonl: rejected reuses a held-out preference.jsonl negative: {r}")
            cw, xw = len(c.split()), len(x.split())
            if abs(cw - xw) > 4:
                errors.append(f"dpo.jsonl: lengths differ ({cw} vs {xw}): {r}")
    answerable = kinds["fact_vs_wrong"] + kinds["fact_vs_refusal"]
    if answerable and not 0.4 <= kinds["fact_vs_wrong"] / answerable <= 0.6:
        errors.append(f"dpo.jsonl: wrong-fact vs refusal negatives unbalanced: {kinds}")
    if kinds["refusal_vs_invented"] < 40:
        errors.append(f"dpo.jsonl: only {kinds['refusal_vs_invented']} refusal pairs")
    expected_kto = kto_rows(rows["dpo.jsonl"])
    if rows["kto.jsonl"] != expected_kto:
        errors.append("kto.jsonl: not derived one-to-two from dpo.jsonl")

    # Leakage: no training prompt equals or nearly equals a held-out question.
    train_prompts = [r["question"] for r in train] + [r["prompt"] for r in rows["dpo.jsonl"]]
    held_out = [r["question"] for name in HELD_OUT for r in rows[name]]
    leak_errors, best = leakage(train_prompts, held_out)
    errors += leak_errors
    check.maxima = best  # reported by main()
    check.kinds = kinds
    return errors


def write(rows: dict[str, list[dict]], folder: Path = HERE) -> None:
    for name, items in rows.items():
        text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in items)
        (folder / name).write_bytes(text.encode("utf-8"))


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description="Build (and check) the personal-qa dataset.")
    parser.add_argument("--phrasings", type=int, default=None, metavar="K",
                        help="also write a train.jsonl with at most K wordings per fact (refusals and "
                             "summaries unchanged) to --out, for the F1-vs-phrasings curve")
    parser.add_argument("--out", type=Path, default=None, help="folder for the --phrasings train.jsonl")
    args = parser.parse_args(argv)
    if (args.phrasings is None) != (args.out is None):
        parser.error("--phrasings and --out go together")
    rows = build_rows()
    errors = check(rows)
    best = getattr(check, "maxima", None)
    if best:
        r, t, h = best["ratio"]
        print(f"max SequenceMatcher ratio train vs held-out: {r:.3f} (threshold {LEAK_RATIO})"
              f"\n    {t!r}\n    {h!r}")
        j, t, h = best["jaccard"]
        print(f"max word Jaccard train vs held-out:        {j:.3f} (threshold {LEAK_JACCARD})"
              f"\n    {t!r}\n    {h!r}")
    sys.stdout.flush()
    if errors:
        for e in errors:
            print("ERROR:", e, file=sys.stderr)
        return 1
    if args.phrasings is not None:
        # Every row of the smaller set is a row of the checked full set, so leakage stays checked.
        subset = train_rows(args.phrasings)
        args.out.mkdir(parents=True, exist_ok=True)
        write({"train.jsonl": subset}, args.out)
        target = args.out / "train.jsonl"
        facts = sum(min(len(f.questions), args.phrasings) for f in FACTS)
        print(f"{target}: {len(subset)} rows ({facts} fact rows, at most {args.phrasings} wordings per fact)")
        return 0
    write(rows)
    train = rows["train.jsonl"]
    n_ref = sum(r["answer"] == FALLBACK for r in train)
    print(f"train.jsonl: {len(train)} rows ({len(train) - n_ref - len(SUMMARIES)} single-fact "
          f"rows over {len(FACTS)} facts, {len(SUMMARIES)} multi-fact summaries, "
          f"{n_ref} refusals over {len(REFUSALS)} topics)")
    for name in ("eval.jsonl", "unanswerable.jsonl", "preference.jsonl"):
        print(f"{name}: {len(rows[name])} rows")
    print(f"dpo.jsonl: {len(rows['dpo.jsonl'])} pairs {check.kinds}")
    print(f"kto.jsonl: {len(rows['kto.jsonl'])} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
