#!/usr/bin/env python3
"""Deterministic generator for the json-extractor dataset.

Each row pairs a free-text daily project report written in Spanish with the one
exact JSON object a model has to extract from it (see output.schema.json):

    {"project_name", "status" (Verde/Amarillo/Rojo), "client", "budget_used_eur",
     "key_milestone_completed" (text or null), "blockers_today" [{"ticket_id",
     "delay_hours"}], "next_step"}

Standard library only. All randomness comes from random.Random instances seeded
from --seed (one per split), so the same arguments give byte-identical files.

Generalisation design: every sentence template pool, every project/client name
part, every ticket prefix and every milestone/next-step object exists in three
disjoint versions, one per split (train / val / test). The generator asserts
this at start-up, together with the rules that keep the status wording clean
(see check_design()).

Usage:
    python3 datasets/json-extractor/generate.py [--seed 1234] [--out-dir DIR]
                                                [--train N --val N --test N]
"""

import argparse
import hashlib
import json
import os
import random
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
SCHEMA_PATH = os.path.join(HERE, "output.schema.json")
SPLITS = ("train", "val", "test")
KEY_ORDER = (
    "project_name",
    "status",
    "client",
    "budget_used_eur",
    "key_milestone_completed",
    "blockers_today",
    "next_step",
)
STATUSES = ("Verde", "Amarillo", "Rojo")
CATEGORIES = ("estado_canonico", "estado_parafraseado")
INSTRUCTION = "Extrae los datos del siguiente informe:"

# Full reports are kept between these word counts (sparse ones are shorter).
MIN_WORDS = 35
MAX_WORDS = 100
# Whole row (instruction + input + output) in characters. With the SmolLM2
# tokenizer this stays far below 512 tokens even with the alpaca wrapper.
MAX_ROW_CHARS = 900
SPARSE_RATE = 0.10

# The object used as the example in the task description; must validate.
EXAMPLE_OBJECT = {
    "project_name": "Alpha",
    "status": "Verde",
    "client": "ACME Corp",
    "budget_used_eur": 4500,
    "key_milestone_completed": "Despliegue del módulo de pagos",
    "blockers_today": [{"ticket_id": "9812", "delay_hours": 2}],
    "next_step": "Integración con el sistema de facturación",
}

# ---------------------------------------------------------------------------
# Name parts (disjoint per split)
# ---------------------------------------------------------------------------

PROJECT_TYPES = {
    "train": ["Portal", "Plataforma", "App", "CRM", "Migración", "Web",
              "Renovación", "Integración"],
    "val": ["Tienda", "Gestor", "Observatorio"],
    "test": ["Sistema", "Intranet", "Cuadro de mando", "Asistente",
             "Canal digital"],
}
PROJECT_CORES = {
    "train": ["Alpha", "Helios", "Albatros", "Cierzo", "Nébula", "Mistral",
              "Orión", "Tramontana", "Quásar", "Jacaranda", "Marea",
              "Almagro", "Brisa", "Candil", "Dársena", "Estela", "Faro",
              "Granito", "Índigo", "Laurel", "Mosaico", "Nácar", "Ópalo",
              "Pizarra", "Roble", "Salitre", "Tejo", "Umbral", "Vértice",
              "Zafiro", "Ámbar", "Castor", "Pegaso", "Atlas", "Fénix",
              "Boreal", "Kappa", "Lyra"],
    "val": ["Alborada", "Bonanza", "Celaje", "Duna", "Fresno", "Garza",
            "Horizonte", "Ciprés", "Sigma"],
    "test": ["Acuarela", "Bruma", "Cobalto", "Delta", "Espliego", "Fragua",
             "Girasol", "Hélice", "Lince", "Madroño", "Nogal", "Oasis",
             "Prisma", "Sextante", "Azabache", "Omega"],
}
PROJECT_SUFFIXES = {
    "train": [" 2.0", " Fase II", " Norte", " 360"],
    "val": [" Express", " Lite"],
    "test": [" v3", " Sur", " Plus", " Next"],
}
CLIENT_PREFIXES = {
    "train": ["Grupo", "Construcciones", "Bodegas", "Transportes", "Hoteles",
              "Clínica", "Editorial", "Seguros", "Muebles"],
    "val": ["Distribuciones", "Laboratorios", "Cooperativa"],
    "test": ["Fundación", "Talleres", "Industrias", "Farmacias", "Logística",
             "Cerámicas"],
}
CLIENT_ROOTS = {
    "train": ["ACME", "Almenara", "Tarsis", "Valdecañas", "Robledo",
              "Montalbán", "Lezama", "Arrieta", "Solana", "Vilaró",
              "Castellar", "Peñarroya", "Ibarra", "Monteverde", "Aldama",
              "Barbastro", "Cifuentes", "Echeverría", "Maldonado", "Riaño",
              "Tordesillas", "Inditex Sur", "Nortemar", "Tecnova"],
    "val": ["Arganza", "Bellver", "Carrascal", "Elorza", "Fontanar",
            "Lasarte", "Benora"],
    "test": ["Quintanar", "Sotomayor", "Berrocal", "Estrada", "Galindo",
             "Urquiza", "Zarzalejo", "Olmedilla", "Navarrete", "Pradoluengo",
             "Villalta", "Escribano", "Quimsa", "Levantia"],
}
CLIENT_SUFFIXES = {
    "train": ["S.L.", "S.A.", "Corp"],
    "val": ["y Asociados", "Group"],
    "test": ["S.L.U.", "Hermanos", "Holding"],
}
TICKET_PREFIXES = {
    "train": ["OPS", "INC", "SUP", "DATA", "WEB", "API", "SEC", "FIN", "QA",
              "INFRA", "BACK"],
    "val": ["PAY", "ERP", "HR"],
    "test": ["DEV", "NET", "CORE", "MOB", "BI", "LOG", "SRV"],
}

# Milestones and next steps are built as "<Action> <object>". The actions are
# shared (they are the ordinary vocabulary of project work); the objects are
# disjoint per split, so a held-out milestone text is never one seen in
# training and the model has to copy it from the report.
MILESTONE_ACTIONS = [
    "Despliegue", "Migración", "Pruebas", "Validación", "Entrega",
    "Configuración", "Revisión", "Puesta en producción", "Diseño",
    "Documentación", "Auditoría", "Integración", "Carga inicial",
    "Aprobación", "Prototipo",
]
STEP_NOUN_ACTIONS = [
    "Integración con", "Preparación de", "Revisión de", "Presentación de",
    "Planificación de", "Actualización de", "Pruebas de", "Optimización de",
    "Formación sobre",
]
STEP_VERB_ACTIONS = [
    "Revisar", "Preparar", "Probar", "Validar", "Desplegar", "Documentar",
    "Actualizar", "Presentar", "Migrar", "Configurar", "Terminar",
]
OBJECTS = {
    "train": [
        "el módulo de pagos", "la pasarela de cobro", "el sistema de facturación",
        "la base de datos de clientes", "el catálogo de productos",
        "la app móvil", "el panel de administración", "los informes de ventas",
        "el buscador interno", "la API de pedidos", "el servidor de correo",
        "las copias de seguridad", "el portal de empleados", "la agenda de citas",
        "el módulo de inventario", "el carrito de compra", "la web corporativa",
        "el sistema de fichajes", "los permisos de usuario",
        "el registro de incidencias", "la plantilla de contratos",
        "el cuadro de indicadores", "el motor de recomendaciones",
        "el flujo de aprobaciones", "la pantalla de inicio",
        "el formulario de alta", "el módulo de nóminas",
        "la gestión de almacenes", "el sistema de avisos",
        "los entornos de pruebas", "el área privada", "el chat de soporte",
        "el histórico de pedidos", "la facturación electrónica",
        "el control de accesos", "el módulo de reservas", "los datos maestros",
        "el gestor documental", "la conexión con el banco",
        "el módulo de informes",
    ],
    "val": [
        "el módulo de encuestas", "la tarjeta de fidelización",
        "el tablón de anuncios", "el sistema de turnos",
        "la biblioteca de componentes", "el módulo de presupuestos",
        "el canal de denuncias", "el mapa de rutas",
        "la tienda de repuestos", "el asistente de configuración",
    ],
    "test": [
        "el módulo de devoluciones", "la plataforma de formación",
        "el sistema de etiquetado", "el calendario de guardias",
        "la app de repartidores", "el servicio de notificaciones",
        "el portal de proveedores", "la firma digital",
        "el gestor de tarifas", "el módulo de subvenciones",
        "los cuadros regionales", "el sistema de trazabilidad",
        "la pasarela de envíos", "el inventario de equipos",
        "el visor de planos", "la central de compras",
    ],
}

# ---------------------------------------------------------------------------
# Status wording
#
# Canonical templates name the colour ({col}: verde/amarillo/rojo, {colf}:
# verde/amarilla/roja). Paraphrase templates never name a colour; each one
# carries at least one cue (STATUS_CUES) of its own colour and none of the
# others'. Held-out paraphrases are new sentences, but every one of them
# contains a cue that some training paraphrase of the same colour also uses.
# ---------------------------------------------------------------------------

STATUS_CANONICAL = {
    "train": [
        "Estado: {col}.",
        "Estado del proyecto: {col}.",
        "Semáforo: {col}.",
        "Semáforo en {col}.",
        "El proyecto está en {col}.",
        "Hoy el semáforo está en {col}.",
        "Seguimos en {col}.",
        "Situación: {col}.",
        "Estado general en {col}.",
        "Ponemos el proyecto en {col}.",
        "Luz {colf} para el proyecto.",
        "Estado {col} a cierre del día.",
        "Semáforo {col}, según la revisión de hoy.",
    ],
    "val": [
        "Indicador de estado: {col}.",
        "Color del proyecto hoy: {col}.",
        "El semáforo del proyecto marca {col}.",
        "Estado actual → {col}.",
    ],
    "test": [
        "Nivel de aviso: {col}.",
        "Clasificamos la jornada en {col}.",
        "El estado queda en {col} tras la reunión.",
        "Código de color: {col}.",
        "Marcamos el proyecto en {col}.",
        "Hoy la señal del proyecto es {colf}.",
    ],
}

STATUS_PARAPHRASE = {
    "Verde": {
        "train": [
            "Todo OK.",
            "Todo OK por aquí, sin sorpresas.",
            "Vamos bien.",
            "Vamos bien de plazos.",
            "Todo va según lo previsto.",
            "El proyecto avanza a buen ritmo.",
            "Todo en orden.",
            "Cumplimos el calendario sin problemas.",
            "Avanzamos según el plan.",
            "Estamos en plazo y dentro de presupuesto.",
            "El proyecto va sobre ruedas.",
            "Jornada tranquila: todo marcha bien.",
            "Sin sobresaltos; seguimos en plazo.",
            "La situación es buena y vamos en plazo.",
            "Nada preocupante, todo según el calendario.",
            "Las tareas salen sin problemas.",
        ],
        "val": [
            "Marchamos bien y en plazo.",
            "Todo correcto, según el plan.",
            "Por ahora todo OK y en plazo.",
            "Semana sin sorpresas en el proyecto.",
        ],
        "test": [
            "Hoy todo ha ido OK, sin sustos.",
            "La cosa va bien y dentro de plazo.",
            "Avanzamos según lo previsto, como se planificó.",
            "Nada que destacar: todo en orden.",
            "El equipo cumple las fechas sin problemas.",
            "Todo fluye según el calendario.",
            "Buen ritmo y en plazo.",
        ],
    },
    "Amarillo": {
        "train": [
            "Vamos con algo de retraso.",
            "Vamos con un poco de retraso respecto al plan.",
            "El proyecto está en riesgo.",
            "Hay riesgo de no llegar a la fecha.",
            "Vamos justos de plazo.",
            "Vamos algo ajustados.",
            "Arrastramos un pequeño retraso.",
            "Hay que vigilar el calendario de cerca.",
            "Algunas tareas van más lentas de lo previsto.",
            "El plazo empieza a estar en riesgo.",
            "Llevamos un ligero retraso que hay que recuperar.",
            "Estamos un poco por detrás del plan.",
            "La fecha de entrega corre cierto riesgo.",
            "Preocupa el ritmo: hay un retraso leve.",
            "Vamos algo retrasados esta semana.",
            "Hay cierta desviación sobre el calendario.",
        ],
        "val": [
            "Hay algo de riesgo con las fechas.",
            "Vamos un pelín retrasados.",
            "El calendario va muy justo.",
            "Nos estamos quedando por detrás, aunque poco.",
        ],
        "test": [
            "Vamos justos y el riesgo crece.",
            "Hay algo de retraso que habrá que recuperar.",
            "El plazo empieza a peligrar y vamos ajustados.",
            "Notamos cierta desviación sobre lo previsto.",
            "Vamos más lentos de lo planificado.",
            "Proyecto en riesgo moderado esta semana.",
            "Se acumula un poco de retraso en varias tareas.",
        ],
    },
    "Rojo": {
        "train": [
            "Estamos parados.",
            "Estamos completamente parados.",
            "El proyecto está bloqueado.",
            "Estamos bloqueados y no podemos avanzar.",
            "Situación crítica.",
            "Situación crítica: no hay forma de avanzar.",
            "Todo detenido hasta nuevo aviso.",
            "Hemos tenido que parar el desarrollo.",
            "Imposible cumplir la fecha de entrega.",
            "La entrega está seriamente comprometida.",
            "El trabajo está paralizado.",
            "No podemos avanzar hasta que se resuelva el problema.",
            "Proyecto parado por completo.",
            "Vamos muy mal: el equipo no puede avanzar.",
            "El desarrollo sigue detenido.",
            "Problema grave: la entrega no llega.",
        ],
        "val": [
            "El equipo está de brazos cruzados, sin poder avanzar.",
            "Bloqueados por completo desde ayer.",
            "Nada se mueve: estamos atascados y parados.",
            "Situación muy grave con la entrega.",
        ],
        "test": [
            "El equipo está parado desde primera hora.",
            "Seguimos bloqueados sin poder avanzar nada.",
            "Situación crítica: el trabajo está detenido.",
            "La fecha de entrega es ya imposible.",
            "Proyecto bloqueado a la espera de una solución.",
            "Hoy no hemos podido avanzar nada; todo parado.",
            "Muy mal día: estamos totalmente paralizados.",
        ],
    },
}

# Cue stems per colour (matched at a word start, case-insensitively).
STATUS_CUES = {
    "Verde": ["ok", "bien", "en orden", "en plazo", "dentro de plazo",
              "según lo previsto", "según el plan", "según el calendario",
              "buen ritmo", "sin problemas", "sin sorpresas", "sin sobresaltos",
              "sin sustos", "sobre ruedas", "correcto"],
    "Amarillo": ["retras", "riesgo", "justo", "ajustad", "por detrás",
                 "más lent", "vigilar", "peligr", "desviación"],
    "Rojo": ["parad", "parar", "bloquead", "crític", "detenid", "paraliz",
             "imposible", "comprometid", "grave", "muy mal", "atascad",
             "brazos cruzados", "avanzar", "no puede"],
}
COLOUR_RE = re.compile(r"\b(verde|amarill[oa]|roj[oa])s?\b", re.IGNORECASE)

# ---------------------------------------------------------------------------
# Other sentence template pools (disjoint per split)
# Placeholders: {p} project, {c} client, {a} amount spent, {t} total budget,
# {m} milestone, {tid} ticket reference, {h} hours, {lista} blocker list,
# {n} next step
# ---------------------------------------------------------------------------

POOLS = {
    "header": {
        "train": [
            "Informe diario del proyecto {p}.",
            "Proyecto: {p}.",
            "Proyecto {p} – parte del día.",
            "[{p}] Informe de hoy.",
            "Resumen de la jornada en {p}.",
            "Actualización diaria de {p}.",
            "Parte de hoy del proyecto {p}.",
        ],
        "val": [
            "Seguimiento diario — {p}.",
            "Novedades del proyecto «{p}».",
        ],
        "test": [
            "Hola a todos, os cuento cómo ha ido hoy en {p}.",
            "Crónica del día para el proyecto «{p}».",
            "Reporte diario · {p}.",
            "Cierre de jornada en {p}.",
        ],
    },
    "header_client": {
        "train": [
            "Informe diario del proyecto {p} para {c}.",
            "Proyecto {p} (cliente: {c}).",
            "Proyecto: {p} | Cliente: {c}.",
            "Parte de hoy de {p}, proyecto de {c}.",
        ],
        "val": [
            "Seguimiento de {p} — cliente {c}.",
        ],
        "test": [
            "{c} / {p}: informe diario.",
            "Reporte de hoy de {p}, cuyo cliente es {c}.",
        ],
    },
    "client": {
        "train": [
            "Cliente: {c}.",
            "El cliente es {c}.",
            "Trabajamos para {c}.",
            "Lo hacemos por encargo de {c}.",
            "Recordad que el cliente es {c}.",
        ],
        "val": [
            "El proyecto se desarrolla para {c}.",
        ],
        "test": [
            "Quien nos contrató fue {c}.",
            "Este encargo viene de {c}.",
        ],
    },
    "client_none": {
        "train": [
            "Proyecto interno, sin cliente externo.",
            "No hay cliente asignado.",
            "Es una iniciativa interna de la casa.",
        ],
        "val": [
            "Uso interno, no hay cliente de por medio.",
        ],
        "test": [
            "Este trabajo es para nosotros mismos, no para un cliente.",
        ],
    },
    "budget": {
        "train": [
            "Gasto acumulado: {a}.",
            "Llevamos gastados {a}.",
            "Presupuesto consumido hasta hoy: {a}.",
            "Hemos gastado {a} hasta la fecha.",
            "Coste incurrido: {a}.",
            "Gastado: {a}.",
            "El gasto va por {a}.",
        ],
        "val": [
            "La cifra de gasto actual es de {a}.",
            "Ejecutado hasta hoy: {a}.",
        ],
        "test": [
            "Hemos invertido {a} desde el arranque.",
            "El contador de gasto marca {a}.",
            "Consumo económico a la fecha: {a}.",
        ],
    },
    "budget_total": {
        "train": [
            "Gastado: {a} de un presupuesto aprobado de {t}.",
            "Presupuesto aprobado: {t}; gastado hasta hoy: {a}.",
            "Llevamos {a} gastados de los {t} aprobados.",
            "De los {t} del presupuesto total, hemos consumido {a}.",
        ],
        "val": [
            "Sobre un total de {t}, el gasto real es de {a}.",
        ],
        "test": [
            "Con {t} de presupuesto, hemos gastado ya {a}.",
            "Gasto: {a} (presupuesto aprobado: {t}).",
        ],
    },
    "budget_only_total": {
        "train": [
            "Presupuesto aprobado: {t}.",
            "El presupuesto total es de {t}; el gasto aún no está calculado.",
            "Contamos con un presupuesto de {t}.",
        ],
        "val": [
            "Disponemos de {t} en total.",
        ],
        "test": [
            "El presupuesto asignado asciende a {t}.",
            "Presupuesto total del proyecto: {t}, gasto pendiente de cierre.",
        ],
    },
    "budget_none": {
        "train": [
            "Sin datos de gasto hoy.",
            "Contabilidad aún no ha pasado las cifras de gasto.",
        ],
        "val": [
            "El informe económico sigue pendiente.",
        ],
        "test": [
            "Finanzas enviará el gasto la semana que viene.",
        ],
    },
    "budget_zero": {
        "train": [
            "Gasto acumulado: 0 €.",
        ],
        "val": [
            "Ejecutado hasta hoy: 0 euros.",
        ],
        "test": [
            "El contador de gasto sigue a 0 €.",
        ],
    },
    "milestone_done": {
        "train": [
            "Hito completado: {m}.",
            "Hito alcanzado hoy: {m}.",
            "Hoy hemos cerrado el hito «{m}».",
            "Completamos el hito \"{m}\".",
            "Hito del día: {m} (completado).",
            "Cerrado hoy el hito {m}.",
            "Hemos terminado el hito «{m}» esta mañana.",
        ],
        "val": [
            "Tachamos de la lista el hito «{m}».",
            "Hito superado: {m}.",
        ],
        "test": [
            "Hito logrado hoy: {m}.",
            "Conseguimos sacar adelante el hito «{m}».",
            "Se da por finalizado el hito \"{m}\".",
        ],
    },
    "milestone_pending": {
        "train": [
            "Hito pendiente: {m}.",
            "El hito «{m}» sigue pendiente.",
            "Próximo hito: {m}.",
            "Aún no hemos cerrado el hito «{m}».",
            "Queda pendiente el hito \"{m}\" para la semana que viene.",
        ],
        "val": [
            "El hito «{m}» continúa abierto.",
        ],
        "test": [
            "Nos quedamos a las puertas del hito «{m}».",
            "Hito aún sin cerrar: {m}.",
            "Para el viernes esperamos completar el hito «{m}».",
        ],
    },
    "milestone_none": {
        "train": [
            "Hoy no se ha cerrado ningún hito.",
            "Ningún hito completado en la jornada.",
        ],
        "val": [
            "Sin hitos cerrados hoy.",
        ],
        "test": [
            "La jornada termina sin hitos nuevos.",
        ],
    },
    "blocker": {
        "train": [
            "Bloqueo con {tid}: {h}.",
            "{tid} nos ha frenado {h}.",
            "Perdimos {h} por {tid}.",
            "{tid} nos ha costado {h} de trabajo.",
            "Tuvimos un bloqueo en {tid} que supuso {h} de demora.",
            "Por culpa de {tid} se nos fueron {h}.",
            "Bloqueo: {tid} ({h}).",
        ],
        "val": [
            "Hubo que esperar {h} por {tid}.",
            "{tid} nos retuvo {h}.",
        ],
        "test": [
            "Se nos fueron {h} esperando respuesta de {tid}.",
            "{tid} frenó al equipo durante {h}.",
            "Impedimento registrado en {tid}: {h}.",
            "Ojo con {tid}, que nos ha quitado {h}.",
        ],
    },
    "blocker_list": {
        "train": [
            "Bloqueos de hoy: {lista}.",
            "Hemos tenido estos bloqueos: {lista}.",
            "Tickets que nos han frenado hoy: {lista}.",
        ],
        "val": [
            "Registro de bloqueos de la jornada: {lista}.",
        ],
        "test": [
            "Lo que nos ha frenado hoy: {lista}.",
            "Resumen de impedimentos — {lista}.",
        ],
    },
    "blocker_item": {
        "train": [
            "{tid} ({h})",
            "{tid}: {h}",
            "{tid}, con {h} de demora",
        ],
        "val": [
            "{tid} (demora de {h})",
        ],
        "test": [
            "{tid} → {h}",
            "{tid}, que se llevó {h}",
        ],
    },
    "no_blockers": {
        "train": [
            "Sin bloqueos hoy.",
            "Hoy no hay bloqueos.",
            "Ningún ticket bloqueante.",
        ],
        "val": [
            "Jornada sin bloqueos.",
        ],
        "test": [
            "Cero bloqueos en la jornada.",
            "No tenemos impedimentos abiertos.",
        ],
    },
    "resolved_ticket": {
        "train": [
            "{tid} ya está resuelto.",
            "{tid} quedó cerrado ayer.",
            "Resolvimos {tid}, que ya no frena nada.",
            "Ayer {tid} nos costó {h}, pero hoy ya está resuelto.",
        ],
        "val": [
            "{tid} está solucionado desde primera hora.",
        ],
        "test": [
            "Cerramos {tid} sin que afecte al plan.",
            "{tid}, que ayer nos frenó {h}, quedó solucionado.",
        ],
    },
    "next_step": {
        "train": [
            "Siguiente paso: {n}.",
            "Próximo paso: {n}.",
            "Para mañana: {n}.",
            "Lo siguiente: {n}.",
            "Siguiente tarea → {n}.",
            "Mañana nos ponemos con «{n}».",
            "Lo próximo será \"{n}\".",
        ],
        "val": [
            "Nuestro siguiente movimiento: {n}.",
            "Pendiente para la próxima jornada: {n}.",
        ],
        "test": [
            "A continuación: {n}.",
            "Plan para mañana: {n}.",
            "Vamos ahora a por «{n}».",
            "Tarea que viene: {n}.",
        ],
    },
    "next_step_none": {
        "train": [
            "Siguiente paso por definir.",
            "Aún no hemos decidido el próximo paso.",
        ],
        "val": [
            "Queda por acordar qué haremos después.",
        ],
        "test": [
            "No hay siguiente paso fijado todavía.",
        ],
    },
    "noise": {
        "train": [
            "Hoy hubo reunión de seguimiento a las diez.",
            "Marta se incorpora el lunes tras sus vacaciones.",
            "La sala de reuniones grande sigue en obras.",
            "Hemos pedido café para la oficina.",
            "La conexión a internet fue algo lenta por la mañana.",
            "Recordad rellenar la hoja de horas antes del viernes.",
            "El comité de dirección se reúne la semana que viene.",
            "Seguimos usando el tablero Kanban para organizar las tareas.",
            "Pablo ha dado una charla interna sobre pruebas automáticas.",
            "La reunión diaria duró unos veinte minutos.",
            "Hemos actualizado la wiki con las decisiones de la semana.",
            "Mañana hay simulacro de incendio en el edificio.",
            "Nos han cambiado de planta en la oficina.",
            "Lucía ha revisado la documentación de diseño.",
            "Se ha renovado la licencia del editor de diagramas.",
            "Varias personas trabajaron hoy en remoto.",
            "El nuevo portátil de Andrés llegó por fin.",
            "Elena ha preparado un resumen para el equipo de soporte.",
            "La próxima semana cambiamos el horario de la reunión diaria.",
            "Recursos humanos pide confirmar las vacaciones de agosto.",
            "Se ha acordado usar una única hoja compartida para las actas.",
            "Sergio sigue de baja, aunque se recupera.",
        ],
        "val": [
            "Hoy celebramos el cumpleaños de Irene con una tarta.",
            "La calefacción de la oficina no funcionaba.",
            "Javier estuvo toda la mañana de formación.",
            "Hemos reorganizado las carpetas compartidas.",
            "Se grabó la sesión de revisión para quien no pudo asistir.",
            "El aparcamiento estuvo cerrado por mantenimiento.",
            "Repasamos juntos la guía de estilo del código.",
            "Alguien dejó la impresora sin papel otra vez.",
            "Una nueva becaria se une al equipo.",
            "La limpieza de la oficina se hará ahora por las tardes.",
        ],
        "test": [
            "Nuria ha preparado una plantilla nueva para las actas.",
            "Tuvimos una visita del departamento de calidad.",
            "El proyector de la sala pequeña vuelve a fallar.",
            "Comimos todos juntos para despedir a Raúl.",
            "La videollamada de las once se cortó dos veces.",
            "Hemos probado una herramienta nueva de notas compartidas.",
            "Ha llovido en la ciudad todo el día.",
            "Tomás ha ordenado por fin el armario del material.",
            "Hubo un corte de luz breve a media tarde.",
            "Carmen coordina la cena de fin de trimestre.",
            "Se ha ampliado el espacio del repositorio de documentos.",
            "Probaremos las retrospectivas en formato libre.",
            "Iván ha cambiado de silla por una ergonómica.",
            "El ascensor del edificio estuvo fuera de servicio.",
            "La máquina de café de la planta tercera ya funciona.",
        ],
    },
    "connector": {
        "train": ["Además, ", "Por otro lado, "],
        "val": ["Asimismo, "],
        "test": ["Por cierto, ", "En otro orden de cosas, "],
    },
}

# Sentences starting with one of these words may take a connector in front in
# prose (the first letter is then lower-cased).
LOWERABLE_FIRST_WORDS = ["Hoy", "Hemos", "Llevamos", "Perdimos", "Tuvimos",
                         "Resolvimos", "Ayer", "Hubo", "Cerramos", "Se",
                         "Conseguimos", "Nos", "Completamos", "Aún", "Queda",
                         "Tachamos", "Contamos", "Disponemos", "Trabajamos",
                         "Lo", "El", "La"]

# ---------------------------------------------------------------------------
# Design checks (run at start-up; any failure stops the generator)
# ---------------------------------------------------------------------------


def _cue_hits(text, colour):
    low = text.lower()
    return [c for c in STATUS_CUES[colour]
            if re.search(r"(?<!\w)" + re.escape(c), low)]


def all_templates():
    """(pool name, split, template) for every sentence template."""
    out = []
    for split in SPLITS:
        for t in STATUS_CANONICAL[split]:
            out.append(("status_canonical", split, t))
        for colour in STATUSES:
            for t in STATUS_PARAPHRASE[colour][split]:
                out.append(("status_" + colour, split, t))
        for key, by_split in POOLS.items():
            for t in by_split[split]:
                out.append((key, split, t))
    return out


def check_design():
    """Assert the generalisation rules the README promises."""
    templates = all_templates()
    # 1. Every template string belongs to exactly one split.
    owner = {}
    for pool, split, t in templates:
        if t in owner and owner[t] != split:
            raise AssertionError("template shared by %s and %s: %r" % (owner[t], split, t))
        owner[t] = split
    # 2. Vocabulary parts are disjoint across splits.
    for name, table in (("project type", PROJECT_TYPES), ("project core", PROJECT_CORES),
                        ("project suffix", PROJECT_SUFFIXES), ("client prefix", CLIENT_PREFIXES),
                        ("client root", CLIENT_ROOTS), ("client suffix", CLIENT_SUFFIXES),
                        ("ticket prefix", TICKET_PREFIXES), ("object", OBJECTS)):
        for a in range(len(SPLITS)):
            for b in range(a + 1, len(SPLITS)):
                shared = set(table[SPLITS[a]]) & set(table[SPLITS[b]])
                if shared:
                    raise AssertionError("%s shared by %s and %s: %r"
                                         % (name, SPLITS[a], SPLITS[b], sorted(shared)))
    # 3. Canonical templates name a colour and carry no cue; paraphrases name
    #    no colour and carry cues of their own colour only.
    for split in SPLITS:
        for t in STATUS_CANONICAL[split]:
            if "{col}" not in t and "{colf}" not in t:
                raise AssertionError("canonical template without colour: %r" % t)
            for colour in STATUSES:
                if _cue_hits(t, colour):
                    raise AssertionError("canonical template with a %s cue: %r" % (colour, t))
        for colour in STATUSES:
            for t in STATUS_PARAPHRASE[colour][split]:
                if COLOUR_RE.search(t):
                    raise AssertionError("paraphrase names a colour: %r" % t)
                if not _cue_hits(t, colour):
                    raise AssertionError("paraphrase without a %s cue: %r" % (colour, t))
                for other in STATUSES:
                    if other != colour and _cue_hits(t, other):
                        raise AssertionError("%s paraphrase with a %s cue %r: %r"
                                             % (colour, other, _cue_hits(t, other), t))
    # 4. Held-out paraphrases reuse at least one cue seen in training.
    for colour in STATUSES:
        train_cues = set()
        for t in STATUS_PARAPHRASE[colour]["train"]:
            train_cues.update(_cue_hits(t, colour))
        for split in ("val", "test"):
            for t in STATUS_PARAPHRASE[colour][split]:
                if not set(_cue_hits(t, colour)) & train_cues:
                    raise AssertionError("held-out paraphrase with no training cue: %r" % t)
    # 5. Nothing else names a colour or carries a status cue.
    others = [t for pool, _, t in templates if not pool.startswith("status_")]
    for table in (PROJECT_TYPES, PROJECT_CORES, PROJECT_SUFFIXES, CLIENT_PREFIXES,
                  CLIENT_ROOTS, CLIENT_SUFFIXES, OBJECTS):
        for split in SPLITS:
            others.extend(table[split])
    others.extend(MILESTONE_ACTIONS + STEP_NOUN_ACTIONS + STEP_VERB_ACTIONS)
    for t in others:
        if COLOUR_RE.search(t):
            raise AssertionError("colour word outside the status sentence: %r" % t)
        for colour in STATUSES:
            if _cue_hits(t, colour):
                raise AssertionError("%s cue %r outside the status sentence: %r"
                                     % (colour, _cue_hits(t, colour), t))
    # 6. Every pool has something for every split.
    for pool, by_split in POOLS.items():
        for split in SPLITS:
            if not by_split[split]:
                raise AssertionError("empty pool %s/%s" % (pool, split))


# ---------------------------------------------------------------------------
# Number rendering
# ---------------------------------------------------------------------------

_UNITS = ["", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete",
          "ocho", "nueve"]
_TEENS = ["diez", "once", "doce", "trece", "catorce", "quince", "dieciséis",
          "diecisiete", "dieciocho", "diecinueve", "veinte", "veintiuno",
          "veintidós", "veintitrés", "veinticuatro", "veinticinco",
          "veintiséis", "veintisiete", "veintiocho", "veintinueve"]
_TENS = ["", "", "", "treinta", "cuarenta", "cincuenta", "sesenta", "setenta",
         "ochenta", "noventa"]
_HUNDREDS = ["", "ciento", "doscientos", "trescientos", "cuatrocientos",
             "quinientos", "seiscientos", "setecientos", "ochocientos",
             "novecientos"]
_HOURS_FEM = ["", "una", "dos", "tres", "cuatro", "cinco", "seis", "siete",
              "ocho", "nueve", "diez"]


def _below_100(n):
    if n < 10:
        return _UNITS[n]
    if n < 30:
        return _TEENS[n - 10]
    tens, unit = divmod(n, 10)
    return _TENS[tens] if unit == 0 else _TENS[tens] + " y " + _UNITS[unit]


def _below_1000(n):
    if n == 100:
        return "cien"
    hundreds, rest = divmod(n, 100)
    parts = []
    if hundreds:
        parts.append(_HUNDREDS[hundreds])
    if rest:
        parts.append(_below_100(rest))
    return " ".join(parts)


def _apocope(words):
    """'uno' becomes 'un' (and 'veintiuno' 'veintiún') before a masculine noun."""
    if words.endswith("veintiuno"):
        return words[: -len("veintiuno")] + "veintiún"
    if words.endswith("uno"):
        return words[:-1]
    return words


def number_to_words(n):
    """Spanish cardinal for 1 <= n < 1_000_000, as used before 'euros'."""
    if not 1 <= n < 1_000_000:
        raise ValueError(n)
    thousands, rest = divmod(n, 1000)
    parts = []
    if thousands == 1:
        parts.append("mil")
    elif thousands > 1:
        parts.append(_apocope(_below_1000(thousands)) + " mil")
    if rest:
        parts.append(_apocope(_below_1000(rest)))
    return " ".join(parts)


def thousands_dots(n):
    s = str(n)
    groups = []
    while len(s) > 3:
        groups.insert(0, s[-3:])
        s = s[:-3]
    groups.insert(0, s)
    return ".".join(groups)


def weighted_choice(rng, options):
    total = sum(w for w, _ in options)
    r = rng.uniform(0, total)
    for w, value in options:
        if r < w:
            return value
        r -= w
    return options[-1][1]


def render_eur_figures(rng, cents):
    """An amount in euro cents written with figures; maps back exactly."""
    euros, rest = divmod(cents, 100)
    frac = "" if rest == 0 else ",%02d" % rest
    options = [
        (4, thousands_dots(euros) + frac + " €"),
        (3, thousands_dots(euros) + frac + " euros"),
        (2, str(euros) + frac + " €"),
        (1, str(euros) + frac + " euros"),
        (1, thousands_dots(euros) + frac + " EUR"),
        (1, thousands_dots(euros) + frac + "€"),
    ]
    if rest == 0 and euros >= 1000 and euros % 100 == 0:
        whole, dec = divmod(euros, 1000)
        kval = str(whole) if dec == 0 else "%d,%d" % (whole, dec // 100)
        options.append((1.5, kval + rng.choice([" mil €", " mil euros"])))
        options.append((1, kval + rng.choice(["k €", "k€"])))
    return weighted_choice(rng, options)


def render_eur_words(euros):
    return number_to_words(euros) + " euros"


def make_spent(rng):
    """(cents, text) for the money spent so far; ~12% written in words."""
    if rng.random() < 0.12:
        if rng.random() < 0.5:
            euros = rng.randint(1, 60) * 1000
        else:
            euros = rng.randint(2, 120) * 500
        return euros * 100, render_eur_words(euros)
    r = rng.random()
    if r < 0.40:
        cents = rng.randint(2, 400) * 500 * 100
    elif r < 0.70:
        cents = rng.randint(5, 1500) * 100 * 100
    elif r < 0.92:
        cents = rng.randint(300, 250000) * 100
    else:
        cents = rng.randint(300, 90000) * 100 + rng.randint(1, 99)
    return cents, render_eur_figures(rng, cents)


def make_total(rng, spent_cents):
    """(cents, text) for an approved total budget larger than what was spent."""
    base = 0 if spent_cents is None else spent_cents // 100
    target = max(base * rng.randint(13, 30) // 10, rng.randint(2, 80) * 5000)
    euros = (target // 5000 + 1) * 5000
    options = [
        (3, thousands_dots(euros) + " €"),
        (2, thousands_dots(euros) + " euros"),
        (2, "%d mil €" % (euros // 1000)),
        (1, "%dk €" % (euros // 1000)),
    ]
    if euros < 100000 and rng.random() < 0.12:
        return euros * 100, render_eur_words(euros)
    return euros * 100, weighted_choice(rng, options)


def cents_to_json_number(cents):
    if cents % 100 == 0:
        return cents // 100
    return round(cents / 100, 2)


DELAY_VALUES = [0.5, 1, 1, 1.5, 2, 2, 2, 2.5, 3, 3, 3, 4, 4, 5, 6, 8, 1, 2, 3]


def fmt_hours_number(h):
    """3 -> '3', 2.5 -> '2,5' (Spanish decimal comma)."""
    if h == int(h):
        return str(int(h))
    return ("%g" % h).replace(".", ",")


def hours_in_words(h):
    if h == 0.5:
        return "media hora"
    if h == 1:
        return "una hora"
    if h == 1.5:
        return "hora y media"
    whole = int(h)
    if whole >= len(_HOURS_FEM):
        return None
    if h == whole:
        return _HOURS_FEM[whole] + " horas"
    if h - whole == 0.5:
        return _HOURS_FEM[whole] + " horas y media"
    return None


def render_hours(rng, h):
    num = fmt_hours_number(h)
    options = [
        (4, num + " h"),
        (2, num + "h"),
        (3, num + (" hora" if h == 1 else " horas")),
    ]
    words = hours_in_words(h)
    if words:
        options.append((1.4, words))
    if h in (0.5, 1.5):
        options.append((0.4, "%d minutos" % int(h * 60)))
    if h == 4:
        options.append((0.6, "media jornada (4 h)"))
    if h == 8:
        options.append((0.6, "una jornada completa (8 h)"))
    return weighted_choice(rng, options)


# ---------------------------------------------------------------------------
# Validation
# ---------------------------------------------------------------------------

def _is_number(x):
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def _check_number_style(x, where):
    # Whole numbers are ints (4500), others floats (2.5): never 4500.0.
    if isinstance(x, float) and x == int(x):
        raise ValueError("%s: whole number written as a float: %r" % (where, x))


def validate_output(obj):
    """Hand-written mirror of output.schema.json, plus key order and number style."""
    if not isinstance(obj, dict):
        raise ValueError("output is not an object")
    if tuple(obj.keys()) != KEY_ORDER:
        raise ValueError("keys/order mismatch: %r" % (list(obj.keys()),))
    if not isinstance(obj["project_name"], str) or not obj["project_name"]:
        raise ValueError("project_name must be a non-empty string")
    if obj["status"] not in STATUSES:
        raise ValueError("bad status %r" % (obj["status"],))
    for key in ("client", "key_milestone_completed", "next_step"):
        v = obj[key]
        if v is not None and (not isinstance(v, str) or not v):
            raise ValueError("%s must be a non-empty string or null" % key)
    b = obj["budget_used_eur"]
    if b is not None:
        if not _is_number(b) or b < 0:
            raise ValueError("budget_used_eur must be a number >= 0 or null")
        _check_number_style(b, "budget_used_eur")
    blockers = obj["blockers_today"]
    if not isinstance(blockers, list):
        raise ValueError("blockers_today must be an array")
    for item in blockers:
        if not isinstance(item, dict) or tuple(item.keys()) != ("ticket_id", "delay_hours"):
            raise ValueError("bad blocker %r" % (item,))
        if not isinstance(item["ticket_id"], str) or not item["ticket_id"]:
            raise ValueError("bad ticket_id %r" % (item["ticket_id"],))
        if not _is_number(item["delay_hours"]) or item["delay_hours"] < 0:
            raise ValueError("bad delay_hours %r" % (item["delay_hours"],))
        _check_number_style(item["delay_hours"], "delay_hours")


_TYPE_CHECKS = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "number": _is_number,
    "integer": lambda v: _is_number(v) and v == int(v),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
}


def schema_errors(value, schema, path="$"):
    """Small standard-library validator for the JSON Schema keywords that
    output.schema.json uses (type, enum, required, properties,
    additionalProperties, items, minimum, maximum, minLength, maxLength, maxItems). Returns a list of errors."""
    errors = []
    known = {"$schema", "$id", "title", "description", "type", "enum", "required",
             "properties", "additionalProperties", "items", "minimum", "maximum", "minLength",
             "maxLength", "maxItems"}
    unknown = set(schema) - known
    if unknown:
        raise ValueError("schema keyword(s) not supported here: %s" % sorted(unknown))
    if "type" in schema:
        types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        if not any(_TYPE_CHECKS[t](value) for t in types):
            return ["%s: %r is not of type %s" % (path, value, types)]
    if "enum" in schema and value not in schema["enum"]:
        errors.append("%s: %r not in %r" % (path, value, schema["enum"]))
    if "minLength" in schema and isinstance(value, str) and len(value) < schema["minLength"]:
        errors.append("%s: shorter than %d" % (path, schema["minLength"]))
    if "maxLength" in schema and isinstance(value, str) and len(value) > schema["maxLength"]:
        errors.append("%s: longer than %d" % (path, schema["maxLength"]))
    if "maxItems" in schema and isinstance(value, list) and len(value) > schema["maxItems"]:
        errors.append("%s: more than %d items" % (path, schema["maxItems"]))
    if "minimum" in schema and _is_number(value) and value < schema["minimum"]:
        errors.append("%s: below %r" % (path, schema["minimum"]))
    if "maximum" in schema and _is_number(value) and value > schema["maximum"]:
        errors.append("%s: above %r" % (path, schema["maximum"]))
    if isinstance(value, dict):
        for key in schema.get("required", []):
            if key not in value:
                errors.append("%s: missing %r" % (path, key))
        props = schema.get("properties", {})
        for key, sub in value.items():
            if key in props:
                errors.extend(schema_errors(sub, props[key], "%s.%s" % (path, key)))
            elif schema.get("additionalProperties") is False:
                errors.append("%s: unexpected key %r" % (path, key))
    if isinstance(value, list) and "items" in schema:
        for i, sub in enumerate(value):
            errors.extend(schema_errors(sub, schema["items"], "%s[%d]" % (path, i)))
    return errors


def load_schema():
    with open(SCHEMA_PATH, encoding="utf-8") as fh:
        return json.load(fh)


# ---------------------------------------------------------------------------
# Report generation
# ---------------------------------------------------------------------------

def pick(rng, key, split):
    return rng.choice(POOLS[key][split])


def make_project_name(rng, split):
    core = rng.choice(PROJECT_CORES[split])
    form = weighted_choice(rng, [(35, "core"), (45, "type"), (10, "suffix"), (10, "both")])
    if form == "core":
        return core
    if form == "suffix":
        return core + rng.choice(PROJECT_SUFFIXES[split])
    name = rng.choice(PROJECT_TYPES[split]) + " " + core
    if form == "both":
        name += rng.choice(PROJECT_SUFFIXES[split])
    return name


def make_client_name(rng, split):
    root = rng.choice(CLIENT_ROOTS[split])
    if rng.random() < 0.6:
        name = rng.choice(CLIENT_PREFIXES[split]) + " " + root
        if rng.random() < 0.5:
            name += " " + rng.choice(CLIENT_SUFFIXES[split])
        return name
    return root + " " + rng.choice(CLIENT_SUFFIXES[split])


def with_de(action, obj):
    text = action + " de " + obj
    return text.replace(" de el ", " del ")


def make_milestone(rng, split):
    return with_de(rng.choice(MILESTONE_ACTIONS), rng.choice(OBJECTS[split]))


def make_next_step(rng, split):
    obj = rng.choice(OBJECTS[split])
    if rng.random() < 0.5:
        action = rng.choice(STEP_NOUN_ACTIONS)
        if action.endswith(" de"):
            return with_de(action[:-3], obj)
        return action + " " + obj
    return rng.choice(STEP_VERB_ACTIONS) + " " + obj


def make_ticket(rng, split, taken):
    """A new ticket id for this report: bare digits or PREFIX-digits."""
    while True:
        if rng.random() < 0.4:
            tid = str(rng.randint(100, 99999))
        else:
            tid = "%s-%d" % (rng.choice(TICKET_PREFIXES[split]), rng.randint(1, 9999))
        if tid not in taken:
            taken.append(tid)
            return tid


def ticket_ref(rng, tid):
    """How the report writes a ticket; the '#', brackets and the word 'ticket'
    are never part of ticket_id."""
    if tid.isdigit():
        return weighted_choice(rng, [(45, "#" + tid), (25, "ticket " + tid),
                                     (15, "ticket #" + tid), (15, "incidencia " + tid)])
    return weighted_choice(rng, [(70, tid), (15, "[" + tid + "]"), (15, "ticket " + tid)])


def fill(template, **kw):
    text = template.format(**kw)
    # A name ending in "S.A." before the sentence's own full stop gives "S.A.."
    text = text.replace("..", ".")
    return text[0].upper() + text[1:]


def colour_forms(rng, status):
    masc = status.lower()
    fem = {"Verde": "verde", "Amarillo": "amarilla", "Rojo": "roja"}[status]
    case = weighted_choice(rng, [(65, "lower"), (25, "title"), (10, "upper")])
    if case == "title":
        return masc.capitalize(), fem.capitalize()
    if case == "upper":
        return masc.upper(), fem.upper()
    return masc, fem


def status_sentence(rng, split, status, category):
    if category == "estado_canonico":
        col, colf = colour_forms(rng, status)
        return fill(rng.choice(STATUS_CANONICAL[split]), col=col, colf=colf)
    return rng.choice(STATUS_PARAPHRASE[status][split])


def build_sparse(rng, split, status, category):
    project = make_project_name(rng, split)
    output = {
        "project_name": project, "status": status, "client": None,
        "budget_used_eur": None, "key_milestone_completed": None,
        "blockers_today": [], "next_step": None,
    }
    header = fill(pick(rng, "header", split), p=project)
    body = [status_sentence(rng, split, status, category)]
    if rng.random() < 0.4:
        body.append(pick(rng, "no_blockers", split))
    if rng.random() < 0.3:
        body.append(pick(rng, "noise", split))
    if rng.random() < 0.15:
        body.append(pick(rng, rng.choice(["budget_none", "next_step_none", "milestone_none"]), split))
    rng.shuffle(body)
    layout = weighted_choice(rng, [(60, "prose"), (25, "lines"), (15, "bullets")])
    return render_layout(rng, split, [header] + body, layout), output


def build_full(rng, split, status, category):
    project = make_project_name(rng, split)
    client = make_client_name(rng, split) if rng.random() < 0.7 else None

    # Budget: spent (with or without the approved total as a decoy), zero,
    # or not stated (sometimes with only the total as a decoy).
    budget_kind = weighted_choice(rng, [(45, "spent"), (18, "spent_total"), (2, "zero"),
                                        (15, "only_total"), (20, "none")])
    spent_cents = spent_text = None
    if budget_kind in ("spent", "spent_total"):
        spent_cents, spent_text = make_spent(rng)
    elif budget_kind == "zero":
        spent_cents = 0

    done_p = {"Verde": 0.65, "Amarillo": 0.5, "Rojo": 0.3}[status]
    milestone = make_milestone(rng, split) if rng.random() < done_p else None
    pending = None
    if rng.random() < 0.3:
        pending = make_milestone(rng, split)
        while pending == milestone:
            pending = make_milestone(rng, split)

    n_blockers = weighted_choice(rng, {
        "Verde": [(75, 0), (22, 1), (3, 2)],
        "Amarillo": [(40, 0), (35, 1), (20, 2), (5, 3)],
        "Rojo": [(12, 0), (40, 1), (33, 2), (15, 3)],
    }[status])
    taken = []
    blockers = []
    for _ in range(n_blockers):
        tid = make_ticket(rng, split, taken)
        delay = rng.choice([0.5, 1, 1, 1.5, 2]) if status == "Verde" else rng.choice(DELAY_VALUES)
        blockers.append({"ticket_id": tid, "delay_hours": delay})

    next_step = None
    if rng.random() < 0.75:
        next_step = make_next_step(rng, split)
        while next_step in (milestone, pending):
            next_step = make_next_step(rng, split)

    output = {
        "project_name": project,
        "status": status,
        "client": client,
        "budget_used_eur": None if spent_cents is None else cents_to_json_number(spent_cents),
        "key_milestone_completed": milestone,
        "blockers_today": blockers,
        "next_step": next_step,
    }

    # --- sentences --------------------------------------------------------
    body = []
    blocker_at = {}  # ticket id -> (sentence, position inside a list)
    client_in_header = client is not None and rng.random() < 0.4
    if client_in_header:
        header = fill(pick(rng, "header_client", split), p=project, c=client)
    else:
        header = fill(pick(rng, "header", split), p=project)
    if client is not None and not client_in_header:
        body.append(fill(pick(rng, "client", split), c=client))
    if client is None and rng.random() < 0.3:
        body.append(pick(rng, "client_none", split))

    body.append(status_sentence(rng, split, status, category))

    if budget_kind == "spent":
        body.append(fill(pick(rng, "budget", split), a=spent_text))
    elif budget_kind == "spent_total":
        _, total_text = make_total(rng, spent_cents)
        body.append(fill(pick(rng, "budget_total", split), a=spent_text, t=total_text))
    elif budget_kind == "zero":
        body.append(pick(rng, "budget_zero", split))
    elif budget_kind == "only_total":
        _, total_text = make_total(rng, None)
        body.append(fill(pick(rng, "budget_only_total", split), t=total_text))
    elif rng.random() < 0.3:
        body.append(pick(rng, "budget_none", split))

    if milestone is not None:
        body.append(fill(pick(rng, "milestone_done", split), m=milestone))
    elif pending is None and rng.random() < 0.3:
        body.append(pick(rng, "milestone_none", split))
    if pending is not None:
        body.append(fill(pick(rng, "milestone_pending", split), m=pending))

    if n_blockers == 0:
        if rng.random() < 0.5:
            body.append(pick(rng, "no_blockers", split))
    elif n_blockers >= 2 and rng.random() < 0.6:
        item_template = pick(rng, "blocker_item", split)
        items = [item_template.format(tid=ticket_ref(rng, b["ticket_id"]),
                                      h=render_hours(rng, b["delay_hours"]))
                 for b in blockers]
        if any("," in it for it in items):
            lista = "; ".join(items)
        else:
            lista = ", ".join(items[:-1]) + " y " + items[-1]
        body.append(fill(pick(rng, "blocker_list", split), lista=lista))
        for i, b in enumerate(blockers):
            blocker_at[b["ticket_id"]] = (body[-1], i)
    else:
        for b in blockers:
            body.append(fill(pick(rng, "blocker", split), tid=ticket_ref(rng, b["ticket_id"]),
                             h=render_hours(rng, b["delay_hours"])))
            blocker_at[b["ticket_id"]] = (body[-1], 0)

    if rng.random() < 0.2:
        tid = make_ticket(rng, split, taken)
        body.append(fill(pick(rng, "resolved_ticket", split), tid=ticket_ref(rng, tid),
                         h=render_hours(rng, rng.choice(DELAY_VALUES))))

    next_sentence = None
    if next_step is not None:
        next_sentence = fill(pick(rng, "next_step", split), n=next_step)
    elif rng.random() < 0.35:
        next_sentence = pick(rng, "next_step_none", split)

    noise_pool = list(POOLS["noise"][split])
    rng.shuffle(noise_pool)
    n_noise = weighted_choice(rng, [(25, 0), (35, 1), (25, 2), (15, 3)])
    noise_used = []
    for _ in range(n_noise):
        noise_used.append(noise_pool.pop())
        body.append(noise_used[-1])

    # --- ordering and layout ----------------------------------------------
    rng.shuffle(body)
    if next_sentence is not None:
        if rng.random() < 0.5:
            body.append(next_sentence)
        else:
            body.insert(rng.randint(0, len(body)), next_sentence)
    sentences = [header] + body
    if rng.random() < 0.05:
        # Now and then the report opens with a remark before naming the project.
        sentences[0], sentences[1] = sentences[1], sentences[0]
    layout = weighted_choice(rng, [(60, "prose"), (25, "lines"), (15, "bullets")])
    text = render_layout(rng, split, sentences, layout)

    # Pad short reports with filler; trim filler from long ones.
    while len(text.split()) < MIN_WORDS and noise_pool:
        sentences.insert(rng.randint(1, len(sentences)), noise_pool.pop())
        text = render_layout(rng, split, sentences, layout)
    out_chars = len(json.dumps(output, ensure_ascii=False))
    removable = [s for s in sentences if s in POOLS["noise"][split]]
    while removable and (len(text.split()) > MAX_WORDS or
                         len(INSTRUCTION) + len(text) + out_chars > MAX_ROW_CHARS):
        sentences.remove(removable.pop())
        text = render_layout(rng, split, sentences, layout)
    # Blockers are listed in the order the report mentions them.
    blockers.sort(key=lambda b: (sentences.index(blocker_at[b["ticket_id"]][0]),
                                 blocker_at[b["ticket_id"]][1]))
    return text, output


def render_layout(rng, split, sentences, layout):
    if layout == "bullets":
        mark = rng.choice(["- ", "• "])
        return sentences[0] + "\n" + "\n".join(mark + s for s in sentences[1:])
    out = list(sentences[:2])
    for s in sentences[2:]:
        first = s.split(" ", 1)[0]
        if layout == "prose" and first in LOWERABLE_FIRST_WORDS and rng.random() < 0.12:
            s = pick(rng, "connector", split) + s[0].lower() + s[1:]
        out.append(s)
    return ("\n" if layout == "lines" else " ").join(out)


# ---------------------------------------------------------------------------
# Row checks
# ---------------------------------------------------------------------------

def loose_key(text):
    """Lower-cased, punctuation-free, whitespace-collapsed text (as tools/check_data does)."""
    text = unicodedata.normalize("NFC", text).casefold()
    text = "".join(" " if unicodedata.category(c).startswith("P") else c for c in text)
    return " ".join(text.split())


def check_row_against_text(text, output, category):
    """The values the model must copy are present verbatim in the report, and
    the status wording matches the row's category."""
    for key in ("project_name", "client", "key_milestone_completed", "next_step"):
        v = output[key]
        if v is not None and v not in text:
            raise AssertionError("%s %r not in report: %r" % (key, v, text))
    positions = []
    for b in output["blockers_today"]:
        found = re.search(r"(?<![\w.,-])" + re.escape(b["ticket_id"]) + r"(?![\w-]|[.,]\d)", text)
        if not found:
            raise AssertionError("ticket %r not in report: %r" % (b["ticket_id"], text))
        positions.append(found.start())
    if positions != sorted(positions):
        raise AssertionError("blockers not in report order: %r" % text)
    colours = COLOUR_RE.findall(text)
    if category == "estado_parafraseado":
        if colours:
            raise AssertionError("paraphrased row names a colour: %r" % text)
    else:
        want = {"Verde": "verde", "Amarillo": "amarill", "Rojo": "roj"}[output["status"]]
        if not colours or any(not c.lower().startswith(want) for c in colours):
            raise AssertionError("canonical row with wrong colour words: %r" % text)


def status_schedule(rng, count):
    """(status, category, sparse) per row: colours and categories balanced,
    one row in ten sparse."""
    combos = [(s, c) for c in CATEGORIES for s in STATUSES]
    every = int(round(1 / SPARSE_RATE))
    schedule = [combos[i % len(combos)] + (i % every == every - 1,) for i in range(count)]
    rng.shuffle(schedule)
    return schedule


def generate_split(seed, split, count, seen, schema):
    rng = random.Random(seed * 1000 + SPLITS.index(split))
    schedule = status_schedule(rng, count)
    rows = []
    attempts = rejected = 0
    while len(rows) < count:
        attempts += 1
        if attempts > count * 20:
            raise SystemExit("could not generate %d unique rows for %s" % (count, split))
        status, category, sparse = schedule[len(rows)]
        if sparse:
            text, output = build_sparse(rng, split, status, category)
        else:
            text, output = build_full(rng, split, status, category)
        n_words = len(text.split())
        if not sparse and not MIN_WORDS <= n_words <= MAX_WORDS:
            rejected += 1
            continue
        key = loose_key(text)
        if key in seen:
            continue
        try:
            validate_output(output)
        except ValueError as exc:
            raise SystemExit("generated output fails the schema (%s): %r" % (exc, output))
        errors = schema_errors(output, schema)
        if errors:
            raise SystemExit("generated output fails output.schema.json: %s" % errors)
        check_row_against_text(text, output, category)
        row = {
            "instruction": INSTRUCTION,
            "input": text,
            "output": json.dumps(output, ensure_ascii=False),
            "category": category,
        }
        if len(row["instruction"]) + len(row["input"]) + len(row["output"]) > MAX_ROW_CHARS:
            rejected += 1
            continue
        back = json.loads(row["output"])
        validate_output(back)
        if back != output or json.dumps(back, ensure_ascii=False) != row["output"]:
            raise SystemExit("output does not round-trip: %r" % (output,))
        seen.add(key)
        rows.append(row)
    if rejected > count // 10:
        raise SystemExit("too many rows rejected for length in %s (%d)" % (split, rejected))
    return rows, rejected


# ---------------------------------------------------------------------------
# Summary
# ---------------------------------------------------------------------------

def is_sparse(o):
    return (o["client"] is None and o["budget_used_eur"] is None and
            o["key_milestone_completed"] is None and not o["blockers_today"] and
            o["next_step"] is None)


def summary_row(name, rows):
    objs = [json.loads(r["output"]) for r in rows]
    n = len(objs)

    def frac(pred):
        return "%.2f" % (sum(1 for o in objs if pred(o)) / n)

    words = [len(r["input"].split()) for r in rows]
    chars = [len(r["instruction"]) + len(r["input"]) + len(r["output"]) for r in rows]
    cells = [
        name, str(n),
        "%d / %d" % (sum(r["category"] == CATEGORIES[0] for r in rows),
                     sum(r["category"] == CATEGORIES[1] for r in rows)),
        " / ".join(str(sum(o["status"] == s for o in objs)) for s in STATUSES),
        frac(is_sparse),
        frac(lambda o: o["client"] is None),
        frac(lambda o: o["budget_used_eur"] is None),
        frac(lambda o: o["key_milestone_completed"] is None),
        frac(lambda o: o["next_step"] is None),
        " / ".join(frac(lambda o, k=k: len(o["blockers_today"]) == k) for k in range(4)),
        "%d / %.0f / %d" % (min(words), sum(words) / n, max(words)),
        str(max(chars)),
    ]
    return "| " + " | ".join(cells) + " |"


def summary_table(all_rows):
    head = ["split", "rows", "canonical / paraphrased", "Verde / Amarillo / Rojo",
            "sparse", "client null", "budget null", "milestone null", "next_step null",
            "0 / 1 / 2 / 3 blockers", "words min / mean / max", "max row chars"]
    lines = ["| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
    for split in SPLITS:
        lines.append(summary_row(split, all_rows[split]))
    lines.append(summary_row("all", [r for s in SPLITS for r in all_rows[s]]))
    return "\n".join(lines)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=1234)
    ap.add_argument("--out-dir", default=HERE)
    ap.add_argument("--train", type=int, default=800)
    ap.add_argument("--val", type=int, default=80)
    ap.add_argument("--test", type=int, default=80)
    args = ap.parse_args(argv)

    check_design()
    schema = load_schema()
    validate_output(EXAMPLE_OBJECT)
    errors = schema_errors(EXAMPLE_OBJECT, schema)
    if errors:
        raise SystemExit("the example object fails output.schema.json: %s" % errors)

    counts = {"train": args.train, "val": args.val, "test": args.test}
    os.makedirs(args.out_dir, exist_ok=True)
    seen = set()
    all_rows = {}
    rejected = {}
    for split in SPLITS:
        all_rows[split], rejected[split] = generate_split(args.seed, split, counts[split],
                                                          seen, schema)
    for split in SPLITS:
        path = os.path.join(args.out_dir, split + ".jsonl")
        with open(path, "w", encoding="utf-8", newline="\n") as fh:
            for row in all_rows[split]:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")

    print(summary_table(all_rows))
    print("drafts rejected for length: " + ", ".join("%s %d" % (s, rejected[s]) for s in SPLITS))
    for split in SPLITS:
        path = os.path.join(args.out_dir, split + ".jsonl")
        with open(path, "rb") as fh:
            print("%s  %s" % (hashlib.sha256(fh.read()).hexdigest(), path))
    return 0


if __name__ == "__main__":
    sys.exit(main())
