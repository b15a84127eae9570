#!/usr/bin/env python3
"""Deterministic generator for the json-extractor dataset.

Each row pairs a free-text daily project report written in Spanish with the
one exact JSON object a model has to extract from it (see output.schema.json).

Standard library only. All randomness comes from random.Random instances
seeded from --seed, so the same seed always produces byte-identical files.

Generalisation design: every sentence template pool, every project/client
name part and every ticket prefix exists in three disjoint versions, one per
split (train / val / test). Val and test rows are therefore written with
phrasings and names the training split never contains.

Usage:
    python3 datasets/json-extractor/generate.py [--seed 1234] [--out-dir DIR]
                                                [--train N --val N --test N]
"""

import argparse
import json
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
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
STATUSES = ("en_curso", "retrasado", "bloqueado", "completado")
TICKET_RE = re.compile(r"^[A-Z]{2,6}-[0-9]{1,5}$")
MIN_WORDS = 40
MAX_WORDS = 160
# Conservative length guard: the whole row (instruction + input + output)
# must stay well under 700 tokens. Spanish prose and JSON punctuation rarely
# go below ~2.6 characters per token with small-model tokenizers.
MAX_ROW_CHARS = 1450

INSTRUCTION = (
    "Extrae los datos del siguiente informe diario de proyecto y devuelve solo "
    "un objeto JSON con exactamente estas claves, en este orden: "
    "project_name; "
    "status (\"en_curso\", \"retrasado\", \"bloqueado\" o \"completado\"); "
    "client (o null si no se nombra); "
    "budget_used_eur (euros gastados hasta la fecha, o null); "
    "key_milestone_completed (true o false); "
    "blockers_today (lista de objetos con ticket_id y delay_hours, vacía si no "
    "hay bloqueos); "
    "next_step (o null)."
)

# ---------------------------------------------------------------------------
# Name parts (disjoint per split)
# ---------------------------------------------------------------------------

PROJECT_TYPES = {
    "train": ["Portal", "Plataforma", "Migración", "App", "CRM", "Web",
              "Integración", "Renovación"],
    "val": ["Tienda online", "Observatorio", "Gestor"],
    "test": ["Sistema", "Cuadro de mando", "Intranet", "Asistente",
             "Canal digital"],
}
PROJECT_CORES = {
    "train": ["Helios", "Albatros", "Cierzo", "Nébula", "Mistral", "Orión",
              "Tramontana", "Quásar", "Jacaranda", "Marea", "Almagro", "Brisa",
              "Candil", "Dársena", "Estela", "Faro", "Granito", "Índigo",
              "Laurel", "Mosaico", "Nácar", "Ópalo", "Pizarra", "Roble",
              "Salitre", "Tejo", "Umbral", "Vértice", "Zafiro", "Ámbar",
              "Castor", "Alhambra", "Pegaso", "Turquesa"],
    "val": ["Alborada", "Bonanza", "Celaje", "Duna", "Fresno", "Garza",
            "Horizonte", "Ciprés"],
    "test": ["Acuarela", "Bruma", "Cobalto", "Delta", "Espliego", "Fragua",
             "Girasol", "Hélice", "Lince", "Madroño", "Nogal", "Oasis",
             "Prisma", "Relámpago", "Sextante", "Azabache"],
}
PROJECT_SUFFIXES = {
    "train": ["", "", "", " 2.0", " Fase II", " Norte", " 360"],
    "val": ["", "", " Express"],
    "test": ["", "", "", " v3", " Sur", " Plus"],
}
CLIENT_PREFIXES = {
    "train": ["Grupo", "Construcciones", "Bodegas", "Transportes", "Hoteles",
              "Clínica", "Editorial", "Seguros", "Muebles"],
    "val": ["Distribuciones", "Laboratorios", "Cooperativa"],
    "test": ["Fundación", "Talleres", "Industrias", "Farmacias", "Logística",
             "Cerámicas"],
}
CLIENT_ROOTS = {
    "train": ["Almenara", "Tarsis", "Valdecañas", "Robledo", "Montalbán",
              "Lezama", "Arrieta", "Solana", "Vilaró", "Castellar",
              "Peñarroya", "Ibarra", "Monteverde", "Aldama", "Barbastro",
              "Cifuentes", "Echeverría", "Maldonado", "Riaño", "Tordesillas"],
    "val": ["Arganza", "Bellver", "Carrascal", "Elorza", "Fontanar",
            "Lasarte"],
    "test": ["Quintanar", "Sotomayor", "Berrocal", "Estrada", "Galindo",
             "Urquiza", "Zarzalejo", "Olmedilla", "Navarrete", "Pradoluengo",
             "Villalta", "Escribano"],
}
CLIENT_SUFFIXES = {
    "train": ["", "", " S.L.", " S.A."],
    "val": ["", " y Asociados"],
    "test": ["", "", " S.L.U.", " Hermanos"],
}
TICKET_PREFIXES = {
    "train": ["OPS", "BACK", "INFRA", "QA", "DATA", "SEC", "WEB", "API",
              "FIN", "DEVOPS", "FRONT"],
    "val": ["PAY", "ERP", "HR"],
    "test": ["DEV", "NET", "SUP", "CORE", "MOB", "BI", "LOG"],
}

# Shared content (not phrasing): milestone names and next-step actions.
# Milestones always start with "la"/"las"/"los" so "el hito de {m}" is correct.
MILESTONES = [
    "la integración con la pasarela de pago",
    "las pruebas de aceptación",
    "la migración de datos históricos",
    "la definición de la arquitectura",
    "la puesta en producción del módulo de facturación",
    "la validación del prototipo",
    "la formación a usuarios clave",
    "la carga inicial del catálogo",
    "la toma de requisitos",
    "la auditoría de seguridad",
    "la entrega del producto mínimo viable",
    "las pruebas de rendimiento",
    "la firma del acta de aceptación",
    "la configuración de los entornos",
    "la conexión con el ERP",
    "la prueba piloto en la primera sede",
    "la revisión de accesibilidad",
    "la maquetación de las pantallas principales",
    "la documentación técnica",
    "la integración continua",
    "la subida a preproducción",
    "la importación de clientes",
    "la definición del modelo de datos",
    "los informes de ventas",
    "la app para Android",
    "la sincronización con el almacén",
    "las pantallas de administración",
    "la limpieza de datos duplicados",
]
NEXT_STEPS = [
    "revisar el presupuesto con dirección",
    "preparar la demo del viernes",
    "validar los datos migrados con el área financiera",
    "desplegar la versión candidata en preproducción",
    "pedir acceso a la VPN del cliente",
    "planificar el siguiente sprint",
    "contactar con el proveedor de licencias",
    "actualizar el cronograma",
    "repetir las pruebas de carga",
    "enviar la propuesta de cambios",
    "organizar la formación del equipo de soporte",
    "documentar la API de pedidos",
    "priorizar la lista de incidencias",
    "convocar al comité de seguimiento",
    "corregir los errores detectados en la revisión",
    "ajustar el diseño de la pantalla de inicio",
    "revisar los permisos de la base de datos",
    "configurar las copias de seguridad",
    "hablar con compras sobre la renovación de servidores",
    "preparar el plan de contingencia",
    "probar la integración con el nuevo proveedor de correo",
    "cerrar el alcance de la segunda fase",
    "montar el entorno de formación",
    "revisar con seguridad los accesos externos",
    "definir los criterios de aceptación pendientes",
    "migrar los usuarios de prueba",
    "analizar los tiempos de respuesta del buscador",
    "reunirnos con el equipo de diseño",
    "preparar la documentación para auditoría",
    "estimar las tareas de la próxima iteración",
]
CLOSING_STEPS = [
    "redactar el informe de cierre",
    "archivar la documentación del proyecto",
    "firmar el acta de entrega",
    "hacer la reunión de lecciones aprendidas",
    "traspasar el servicio al equipo de mantenimiento",
    "liberar los entornos de pruebas",
    "emitir la última factura",
]

# ---------------------------------------------------------------------------
# Sentence template pools (disjoint per split)
# Placeholders: {p} project, {c} client, {a} amount spent, {t} total budget,
# {m} milestone, {tid} ticket id, {h} hours, {lista} blocker list, {n} next step
# ---------------------------------------------------------------------------

POOLS = {
    "header": {
        "train": [
            "Informe diario del proyecto {p}.",
            "Parte del día: {p}.",
            "Resumen de hoy sobre {p}.",
            "Proyecto: {p}.",
            "Actualización diaria de {p}.",
            "Os paso el estado del proyecto {p}.",
            "{p}, informe de la jornada.",
            "Estado del proyecto {p} a cierre del día.",
        ],
        "val": [
            "Buenas tardes, aquí va el resumen de {p}.",
            "Seguimiento diario — {p}.",
            "Novedades del proyecto «{p}».",
        ],
        "test": [
            "Hola a todos, os cuento cómo ha ido hoy en {p}.",
            "Crónica del día para el proyecto «{p}».",
            "[{p}] Reporte diario.",
            "Cierre de jornada en {p}.",
        ],
    },
    "header_client": {
        "train": [
            "Informe diario del proyecto {p} para {c}.",
            "Proyecto {p} (cliente: {c}). Parte del día.",
            "Resumen de hoy del proyecto {p}, que llevamos para {c}.",
            "Actualización de {p} para el cliente {c}.",
            "Estado diario de {p}, encargo de {c}.",
        ],
        "val": [
            "Parte del proyecto {p}, contratado por {c}.",
            "Seguimiento de {p} — cliente {c}.",
        ],
        "test": [
            "Os resumo la jornada en {p}, el proyecto que hacemos para {c}.",
            "{c} / {p}: informe diario.",
            "Reporte de hoy de {p}, cuyo cliente es {c}.",
        ],
    },
    "client": {
        "train": [
            "El cliente es {c}.",
            "Trabajamos para {c}.",
            "Lo hacemos por encargo de {c}.",
            "{c} es quien financia el proyecto.",
            "Recordad que el cliente final es {c}.",
            "La cuenta pertenece a {c}.",
        ],
        "val": [
            "El proyecto se desarrolla para {c}.",
            "Por parte del cliente, {c} sigue de cerca los avances.",
        ],
        "test": [
            "Quien nos contrató fue {c}.",
            "Este encargo viene de {c}.",
            "Hoy {c}, nuestro cliente, ha pedido un informe más detallado.",
        ],
    },
    "client_none": {
        "train": [
            "Es un proyecto interno, sin cliente externo.",
            "No hay cliente asignado; lo financia la propia empresa.",
            "Se trata de una iniciativa interna de la casa.",
        ],
        "val": [
            "Proyecto de uso interno, no hay cliente de por medio.",
        ],
        "test": [
            "Este trabajo lo hacemos para nosotros mismos, no para un cliente.",
            "Todavía no se ha cerrado con qué cliente irá este desarrollo.",
        ],
    },
    "status_en_curso": {
        "train": [
            "Seguimos avanzando según lo previsto.",
            "El trabajo va al ritmo planificado y no hay desviaciones en el calendario.",
            "De momento cumplimos los plazos sin problema.",
            "Todo marcha dentro del plan.",
            "El proyecto sigue su curso con normalidad.",
            "Vamos bien de tiempos, tal y como estaba planificado.",
        ],
        "val": [
            "La planificación se mantiene: ni adelantados ni atrasados.",
            "El avance es el esperado para esta semana.",
        ],
        "test": [
            "Continuamos con el desarrollo sin salirnos del calendario.",
            "Hoy ha sido un día normal de trabajo y el plan sigue en pie.",
            "No hay desviación respecto a las fechas acordadas.",
        ],
    },
    "status_retrasado": {
        "train": [
            "Vamos con retraso respecto al calendario.",
            "Llevamos unos días de retraso sobre la planificación.",
            "No llegamos a la fecha prevista; el calendario se ha desplazado.",
            "Estamos por detrás de lo planificado.",
            "La entrega se va a retrasar respecto a lo comprometido.",
            "Acumulamos retraso desde la semana pasada.",
        ],
        "val": [
            "Hemos perdido margen y ya vamos tarde con respecto al plan.",
            "El plan original ya no se cumple: vamos atrasados.",
        ],
        "test": [
            "Las fechas comprometidas se nos escapan; toca replanificar.",
            "Andamos rezagados frente al cronograma.",
            "No cumpliremos el plazo inicial, vamos más lentos de lo previsto.",
        ],
    },
    "status_bloqueado": {
        "train": [
            "El proyecto está bloqueado y no podemos avanzar.",
            "Estamos completamente parados hasta que se resuelva el bloqueo.",
            "Ahora mismo el equipo no puede seguir trabajando: todo está detenido.",
            "El avance está frenado por completo.",
            "Situación de bloqueo total: nada se mueve hasta tener respuesta.",
            "Hemos tenido que parar el trabajo del proyecto.",
        ],
        "val": [
            "No hay forma de continuar; el proyecto está paralizado.",
            "El equipo está de brazos cruzados esperando a que se desbloquee la situación.",
        ],
        "test": [
            "Todo el desarrollo se ha quedado congelado a la espera de una solución.",
            "Imposible seguir adelante por ahora; estamos atascados.",
            "Hoy no se ha podido mover ni una tarea del proyecto.",
        ],
    },
    "status_completado": {
        "train": [
            "El proyecto quedó cerrado hoy.",
            "Hemos terminado el proyecto y la entrega ha sido aceptada.",
            "Damos por finalizado el proyecto.",
            "Todo el trabajo está entregado; no queda nada pendiente.",
            "El proyecto se ha completado con éxito.",
            "Cerramos oficialmente el proyecto esta tarde.",
        ],
        "val": [
            "Con la entrega de hoy, el proyecto llega a su fin.",
            "Ya no queda trabajo abierto: proyecto concluido.",
        ],
        "test": [
            "Misión cumplida: el proyecto está acabado y aceptado.",
            "Hoy se firmó la conformidad final, así que el proyecto está terminado.",
            "Se ha dado carpetazo al proyecto tras la última entrega.",
        ],
    },
    "budget": {
        "train": [
            "Llevamos gastados {a}.",
            "El gasto acumulado asciende a {a}.",
            "Hasta hoy se han consumido {a} del presupuesto.",
            "Presupuesto consumido: {a}.",
            "En total hemos gastado {a} hasta la fecha.",
            "El coste incurrido hasta ahora es de {a}.",
            "Gasto a día de hoy: {a}.",
        ],
        "val": [
            "La cifra de gasto actual se sitúa en {a}.",
            "Ya se han ido {a} en el proyecto.",
        ],
        "test": [
            "Hemos invertido {a} desde el arranque.",
            "El contador de gasto marca {a}.",
            "Lo ejecutado económicamente suma {a}.",
        ],
    },
    "budget_total": {
        "train": [
            "De un presupuesto total de {t}, llevamos gastados {a}.",
            "Se han consumido {a} de los {t} aprobados.",
            "El presupuesto aprobado es de {t} y el gasto acumulado va por {a}.",
        ],
        "val": [
            "Sobre un total de {t}, el gasto real es de {a}.",
        ],
        "test": [
            "Con {t} de presupuesto, hemos gastado ya {a}.",
            "Gasto: {a} (presupuesto aprobado: {t}).",
        ],
    },
    "budget_zero": {
        "train": [
            "Aún no se ha gastado ni un euro del presupuesto.",
            "El gasto acumulado sigue siendo de 0 €.",
        ],
        "val": [
            "El gasto sigue a cero.",
        ],
        "test": [
            "Todavía no hemos tocado el presupuesto: 0 € gastados.",
        ],
    },
    "budget_none": {
        "train": [
            "Hoy no tenemos el dato de gasto actualizado.",
            "Contabilidad todavía no nos ha pasado las cifras de gasto.",
        ],
        "val": [
            "El informe económico sigue pendiente, así que no hay cifra de gasto.",
        ],
        "test": [
            "Sin datos de coste por ahora; finanzas los enviará la semana que viene.",
        ],
    },
    "budget_none_total": {
        "train": [
            "El presupuesto aprobado es de {t}, pero aún no sabemos cuánto se ha gastado.",
        ],
        "val": [
            "Disponemos de {t} en total; el gasto de momento no está calculado.",
        ],
        "test": [
            "Contamos con {t} de presupuesto, aunque el gasto real está por calcular.",
        ],
    },
    "milestone_done": {
        "train": [
            "Hemos completado el hito de {m}.",
            "Hito clave alcanzado: {m}.",
            "Por fin cerramos el hito de {m}.",
            "El hito de {m} está terminado.",
            "Hoy se ha cumplido el hito de {m}.",
            "Buena noticia: el hito de {m} quedó completado.",
            "No queda nada pendiente del hito de {m}; lo dimos por cerrado esta mañana.",
        ],
        "val": [
            "Tachamos de la lista el hito de {m}.",
            "El hito de {m} se ha superado con éxito.",
        ],
        "test": [
            "Conseguimos sacar adelante el hito de {m}.",
            "Ya es oficial: el hito de {m} está hecho.",
            "Nadie esperaba cerrarlo tan pronto, pero el hito de {m} ya está listo.",
        ],
    },
    "milestone_pending": {
        "train": [
            "El hito de {m} sigue pendiente.",
            "Todavía no hemos completado el hito de {m}.",
            "No hemos podido cerrar el hito de {m}.",
            "El hito de {m} aún no está terminado.",
            "Hito clave sin alcanzar: {m}.",
            "Falta poco, pero el hito de {m} todavía no se ha cumplido.",
            "El hito de {m} se queda para más adelante.",
        ],
        "val": [
            "Seguimos sin poder dar por cerrado el hito de {m}.",
            "El hito de {m} continúa abierto.",
        ],
        "test": [
            "Nos quedamos a las puertas del hito de {m}.",
            "El hito de {m} tendrá que esperar.",
            "Hoy tampoco ha salido adelante el hito de {m}.",
        ],
    },
    "blocker": {
        "train": [
            "El ticket {tid} nos ha bloqueado {h}.",
            "Bloqueo en {tid}: perdimos {h}.",
            "La incidencia {tid} supuso un retraso de {h}.",
            "Estuvimos parados {h} por culpa de {tid}.",
            "Tuvimos un bloqueo con el ticket {tid}, que nos costó {h}.",
            "Por {tid} hemos perdido {h} de trabajo.",
            "{tid} bloqueó al equipo durante {h}.",
        ],
        "val": [
            "Hubo que esperar {h} a que se resolviera {tid}.",
            "El problema registrado como {tid} nos retrasó {h}.",
        ],
        "test": [
            "Perdimos {h} esperando respuesta sobre la petición {tid}.",
            "Se nos atascó el trabajo en {tid} y eso supuso {h} de demora.",
            "Ojo con {tid}: ha frenado al equipo {h}.",
        ],
    },
    "blocker_zero": {
        "train": [
            "Se ha abierto el bloqueo {tid}, aunque por ahora no nos ha retrasado nada (0 h).",
            "Tenemos {tid} como bloqueo, sin horas de retraso todavía.",
        ],
        "val": [
            "{tid} bloquea una tarea, pero de momento el retraso es de cero horas.",
        ],
        "test": [
            "Registramos {tid} como bloqueo; aún no ha generado retraso alguno.",
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
            "Lo que nos ha parado hoy: {lista}.",
            "Resumen de bloqueos — {lista}.",
        ],
    },
    "blocker_item": {
        "train": [
            "{tid} ({h})",
            "{tid}, con {h} de retraso",
            "{tid}: {h}",
        ],
        "val": [
            "{tid} (retraso de {h})",
        ],
        "test": [
            "{tid} → {h}",
            "{tid}, que se llevó {h}",
        ],
    },
    "blocker_item_zero": {
        "train": [
            "{tid} (sin retraso aún, 0 h)",
        ],
        "val": [
            "{tid} (cero horas de retraso)",
        ],
        "test": [
            "{tid}, que no ha restado tiempo todavía",
        ],
    },
    "no_blockers": {
        "train": [
            "Hoy no hay bloqueos.",
            "Sin bloqueos en la jornada.",
            "No hemos tenido ningún ticket bloqueante.",
            "Nada nos ha frenado hoy.",
        ],
        "val": [
            "Jornada limpia de bloqueos.",
        ],
        "test": [
            "Ningún impedimento que reportar hoy.",
            "Cero bloqueos, por suerte.",
        ],
    },
    "resolved_ticket": {
        "train": [
            "Se cerró sin incidencias la tarea {tid}.",
            "Ayer resolvimos {tid}, que ya no afecta al proyecto.",
            "El ticket {tid} quedó resuelto y no bloquea nada.",
        ],
        "val": [
            "{tid} está solucionado desde primera hora.",
        ],
        "test": [
            "Dimos por resuelta la consulta {tid} sin que afectara al plan.",
        ],
    },
    "next_step": {
        "train": [
            "Siguiente paso: {n}.",
            "Mañana toca {n}.",
            "Lo próximo será {n}.",
            "El siguiente paso es {n}.",
            "Para mañana queda {n}.",
            "Como próxima acción, vamos a {n}.",
            "Lo siguiente en la lista: {n}.",
        ],
        "val": [
            "Nuestro próximo movimiento será {n}.",
            "Pendiente para la próxima jornada: {n}.",
        ],
        "test": [
            "A continuación nos centraremos en {n}.",
            "Plan para mañana: {n}.",
            "La tarea que viene ahora es {n}.",
        ],
    },
    "next_step_none": {
        "train": [
            "Aún no hemos decidido el siguiente paso.",
            "El próximo paso está por definir.",
        ],
        "val": [
            "Queda por acordar qué haremos a continuación.",
        ],
        "test": [
            "No hay siguiente paso fijado todavía.",
        ],
    },
    "noise": {
        "train": [
            "El equipo está motivado pese al calor.",
            "Hoy hubo reunión de seguimiento a las diez.",
            "Marta se incorpora el lunes tras sus vacaciones.",
            "La sala de reuniones grande sigue en obras.",
            "Hemos pedido café para la oficina.",
            "La conexión a internet fue algo lenta por la mañana.",
            "Recordad rellenar la hoja de horas antes del viernes.",
            "El comité de dirección se reúne la semana que viene.",
            "Seguimos usando el tablero Kanban para organizar las tareas.",
            "Pablo ha dado una charla interna sobre buenas prácticas.",
            "La reunión diaria duró unos veinte minutos.",
            "Hemos actualizado la wiki con las decisiones de la semana.",
            "Mañana hay simulacro de incendio en el edificio.",
            "Nos han cambiado de planta en la oficina.",
            "Lucía ha revisado la documentación de diseño.",
            "El ambiente en el equipo es bueno.",
            "Se ha renovado la licencia del editor de diagramas.",
            "Varias personas trabajaron hoy en remoto.",
            "El nuevo portátil de Andrés llegó por fin.",
            "Conviene revisar el correo con las actas de ayer.",
            "Elena ha preparado un resumen de la reunión con el equipo de soporte.",
            "La próxima semana cambiamos el horario de la reunión diaria.",
            "Hemos actualizado las dependencias del repositorio sin novedades.",
            "El departamento de recursos humanos pide confirmar las vacaciones de agosto.",
            "Se ha acordado usar una única hoja compartida para las actas.",
            "Sergio sigue de baja, aunque se recupera bien.",
        ],
        "val": [
            "Hoy celebramos el cumpleaños de Irene con una tarta.",
            "La calefacción de la oficina no funcionaba bien.",
            "Javier estuvo toda la mañana de formación.",
            "Hemos reorganizado las carpetas compartidas.",
            "Se grabó la sesión de revisión para quien no pudo asistir.",
            "El aparcamiento estuvo cerrado por mantenimiento.",
            "Repasamos juntos la guía de estilo del código.",
            "Alguien dejó la impresora sin papel otra vez.",
            "Hemos dado la bienvenida a una nueva becaria en el equipo.",
            "La limpieza de la oficina se hará ahora por las tardes.",
        ],
        "test": [
            "Nuria ha preparado una plantilla nueva para las actas.",
            "Tuvimos una visita del departamento de calidad.",
            "El proyector de la sala pequeña vuelve a fallar.",
            "Comimos todos juntos para despedir a Raúl.",
            "La videollamada de las once se cortó dos veces.",
            "Se ha ampliado el espacio del repositorio de documentos.",
            "Hemos probado una herramienta nueva de notas compartidas.",
            "El tiempo en la ciudad ha sido lluvioso todo el día.",
            "Tomás ha ordenado por fin el armario del material.",
            "Se ha decidido probar las retrospectivas en formato libre.",
            "Hubo un corte de luz breve a media tarde, sin consecuencias.",
            "Carmen se ha ofrecido para coordinar la cena de fin de trimestre.",
        ],
    },
    "connector": {
        "train": ["Además, ", "Por otro lado, "],
        "val": ["Asimismo, "],
        "test": ["Por cierto, ", "En otro orden de cosas, "],
    },
}

# Sentences starting with one of these words may take a connector in front
# (the first letter is then lower-cased; names never start a lowerable one).
LOWERABLE_FIRST_WORDS = [
    "El", "La", "Los", "Las", "Hoy", "Hemos", "Llevamos", "Estamos",
    "Seguimos", "Tenemos", "Todavía", "No", "Mañana", "Ya", "Se", "Vamos",
    "Tuvimos", "Aún", "Hubo", "Perdimos", "Conseguimos", "Todo", "Lo",
    "Hasta", "En", "De", "Sin", "Acumulamos", "Continuamos", "Andamos",
    "Estuvimos", "Nos", "Contamos", "Disponemos", "Trabajamos",
]

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
              "ocho", "nueve", "diez", "once", "doce", "trece", "catorce",
              "quince", "dieciséis"]


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


def render_eur(rng, cents):
    """Render an amount given in euro cents as Spanish text.

    Every form maps back to exactly cents / 100 euros.
    """
    euros, rest = divmod(cents, 100)
    frac = "" if rest == 0 else ",%02d" % rest
    options = [
        (3, thousands_dots(euros) + frac + " €"),
        (2, thousands_dots(euros) + frac + " euros"),
        (2, str(euros) + frac + " euros"),
        (1, str(euros) + frac + rng.choice([" €", "€"])),
        (1, thousands_dots(euros) + frac + " EUR"),
    ]
    if rest == 0 and euros >= 1000 and euros % 100 == 0:
        whole, dec = divmod(euros, 1000)
        kval = str(whole) if dec == 0 else "%d,%d" % (whole, dec // 100)
        options.append((3, kval + rng.choice([" mil euros", " mil €"])))
        options.append((1, kval + rng.choice(["k €", "k€"])))
    if rest == 0 and euros % 100 == 0 and 0 < euros < 1_000_000:
        options.append((4, number_to_words(euros) + " euros"))
    return weighted_choice(rng, options)


def fmt_hours_number(h):
    """3 -> '3', 2.5 -> '2,5', 0.75 -> '0,75' (Spanish decimal comma)."""
    if h == int(h):
        return str(int(h))
    return ("%g" % h).replace(".", ",")


def hours_in_words(h):
    if h == 0.25:
        return "un cuarto de hora"
    if h == 0.5:
        return "media hora"
    if h == 0.75:
        return "tres cuartos de hora"
    if h == 1:
        return "una hora"
    if h == 1.5:
        return "hora y media"
    whole = int(h)
    if whole > 16:
        return None
    if h == whole:
        return _HOURS_FEM[whole] + " horas"
    if h - whole == 0.5:
        return _HOURS_FEM[whole] + " horas y media"
    return None


def render_hours(rng, h):
    if h == 0:
        return rng.choice(["0 h", "0 horas", "cero horas"])
    num = fmt_hours_number(h)
    options = [
        (2, num + " h"),
        (1, num + "h"),
        (2, num + (" hora" if h == 1 else " horas")),
    ]
    words = hours_in_words(h)
    if words:
        options.append((4, words))
    minutes = h * 60
    if h <= 2 and minutes == int(minutes):
        options.append((1, "%d minutos" % int(minutes)))
    if h == 4:
        options.append((3, "media jornada (4 h)"))
        options.append((2, "toda la mañana (4 h)"))
    if h == 8:
        options.append((3, "una jornada completa (8 h)"))
        options.append((2, "un día entero de trabajo (8 h)"))
    if h == 16:
        options.append((3, "dos jornadas completas (16 h)"))
    return weighted_choice(rng, options)


def weighted_choice(rng, options):
    total = sum(w for w, _ in options)
    r = rng.randrange(total)
    for w, value in options:
        if r < w:
            return value
        r -= w
    raise AssertionError("unreachable")


def cents_to_json_number(cents):
    if cents % 100 == 0:
        return cents // 100
    return round(cents / 100, 2)


# ---------------------------------------------------------------------------
# Validation (hand-written mirror of output.schema.json)
# ---------------------------------------------------------------------------

def _is_number(x):
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def validate_output(obj):
    """Raise ValueError if obj does not match output.schema.json."""
    if not isinstance(obj, dict):
        raise ValueError("output is not an object")
    if tuple(obj.keys()) != KEY_ORDER:
        raise ValueError("keys/order mismatch: %r" % (list(obj.keys()),))
    if not isinstance(obj["project_name"], str) or not obj["project_name"]:
        raise ValueError("project_name must be a non-empty string")
    if obj["status"] not in STATUSES:
        raise ValueError("bad status %r" % (obj["status"],))
    c = obj["client"]
    if c is not None and (not isinstance(c, str) or not c):
        raise ValueError("client must be a non-empty string or null")
    b = obj["budget_used_eur"]
    if b is not None and (not _is_number(b) or b < 0):
        raise ValueError("budget_used_eur must be a number >= 0 or null")
    if not isinstance(obj["key_milestone_completed"], bool):
        raise ValueError("key_milestone_completed must be boolean")
    blockers = obj["blockers_today"]
    if not isinstance(blockers, list):
        raise ValueError("blockers_today must be an array")
    for item in blockers:
        if not isinstance(item, dict) or tuple(item.keys()) != ("ticket_id", "delay_hours"):
            raise ValueError("bad blocker %r" % (item,))
        if not isinstance(item["ticket_id"], str) or not TICKET_RE.match(item["ticket_id"]):
            raise ValueError("bad ticket_id %r" % (item["ticket_id"],))
        if not _is_number(item["delay_hours"]) or item["delay_hours"] < 0:
            raise ValueError("bad delay_hours %r" % (item["delay_hours"],))
    n = obj["next_step"]
    if n is not None and (not isinstance(n, str) or not n):
        raise ValueError("next_step must be a non-empty string or null")


# ---------------------------------------------------------------------------
# Report generation
# ---------------------------------------------------------------------------

DELAY_VALUES = [0.5, 1, 1, 1.5, 2, 2, 2, 2.5, 3, 3, 3, 3.5, 4, 4, 4, 5, 6, 6,
                7, 8, 8, 10, 12, 16, 0.25, 0.75]


def pick(rng, key, split):
    return rng.choice(POOLS[key][split])


def make_project_name(rng, split):
    return "%s %s%s" % (rng.choice(PROJECT_TYPES[split]),
                        rng.choice(PROJECT_CORES[split]),
                        rng.choice(PROJECT_SUFFIXES[split]))


def make_client_name(rng, split):
    return "%s %s%s" % (rng.choice(CLIENT_PREFIXES[split]),
                        rng.choice(CLIENT_ROOTS[split]),
                        rng.choice(CLIENT_SUFFIXES[split]))


def make_ticket(rng, split, taken):
    while True:
        digits = rng.choice([1, 2, 3, 3, 3, 4, 4, 5])
        low = 1 if digits == 1 else 10 ** (digits - 1)
        tid = "%s-%d" % (rng.choice(TICKET_PREFIXES[split]),
                         rng.randint(low, 10 ** digits - 1))
        if tid not in taken:
            taken.append(tid)
            return tid


def decorate_ticket(rng, tid):
    r = rng.random()
    if r < 0.10:
        return "[%s]" % tid
    if r < 0.18:
        return "#" + tid
    return tid


def make_spent_cents(rng):
    r = rng.random()
    if r < 0.35:
        return rng.randint(1, 400) * 500 * 100
    if r < 0.55:
        return rng.randint(5, 999) * 100 * 100
    if r < 0.80:
        return rng.randint(300, 250000) * 100
    return rng.randint(300, 90000) * 100 + rng.randint(1, 99)


def make_total_cents(rng, spent_cents):
    spent_eur = spent_cents // 100
    target = spent_eur * rng.randint(12, 30) // 10
    return (target // 5000 + 1) * 5000 * 100


def fill(template, **kw):
    # A name ending in "S.A." right before the sentence's own full stop would
    # give "S.A.."; collapse it (no template uses an ellipsis).
    return template.format(**kw).replace("..", ".")


STATUS_WEIGHTS = [(35, "en_curso"), (25, "retrasado"), (20, "bloqueado"),
                  (20, "completado")]


def status_schedule(rng, count):
    """Status per row, stratified so every split has the intended mix."""
    total = sum(w for w, _ in STATUS_WEIGHTS)
    schedule = []
    for w, status in STATUS_WEIGHTS:
        schedule.extend([status] * (count * w // total))
    while len(schedule) < count:
        schedule.append(weighted_choice(rng, STATUS_WEIGHTS))
    rng.shuffle(schedule)
    return schedule


def build_example(rng, split, status):
    # --- target values -----------------------------------------------------
    project = make_project_name(rng, split)
    client = make_client_name(rng, split) if rng.random() < 0.7 else None

    budget_kind = weighted_choice(rng, [(50, "spent"), (18, "spent_total"),
                                        (3, "zero"), (29, "none")])
    spent_cents = None
    if budget_kind in ("spent", "spent_total"):
        spent_cents = make_spent_cents(rng)
    elif budget_kind == "zero":
        spent_cents = 0

    if status == "completado":
        milestone_done, milestone_mentioned = True, True
    elif status == "bloqueado":
        milestone_done = rng.random() < 0.15
        milestone_mentioned = milestone_done or rng.random() < 0.9
    else:
        milestone_done = rng.random() < 0.5
        milestone_mentioned = milestone_done or rng.random() < 0.85

    if status == "completado":
        n_blockers = 0
    elif status == "bloqueado":
        n_blockers = weighted_choice(rng, [(50, 1), (30, 2), (20, 3)])
    else:
        n_blockers = weighted_choice(rng, [(40, 0), (28, 1), (20, 2), (12, 3)])
    taken = []
    blockers = []
    for _ in range(n_blockers):
        tid = make_ticket(rng, split, taken)
        zero_ok = status != "bloqueado"
        delay = 0 if zero_ok and rng.random() < 0.05 else rng.choice(DELAY_VALUES)
        blockers.append({"ticket_id": tid, "delay_hours": delay})

    if rng.random() < 0.25:
        next_step = None
    elif status == "completado":
        next_step = rng.choice(CLOSING_STEPS)
    else:
        next_step = rng.choice(NEXT_STEPS)

    output = {
        "project_name": project,
        "status": status,
        "client": client,
        "budget_used_eur": None if spent_cents is None else cents_to_json_number(spent_cents),
        "key_milestone_completed": milestone_done,
        "blockers_today": blockers,
        "next_step": next_step,
    }

    # --- sentences ------------------------------------------------------------
    body = []
    client_in_header = client is not None and rng.random() < 0.5
    if client_in_header:
        header = fill(pick(rng, "header_client", split), p=project, c=client)
    else:
        header = fill(pick(rng, "header", split), p=project)
    if client is not None and not client_in_header:
        body.append(fill(pick(rng, "client", split), c=client))
    if client is None and rng.random() < 0.35:
        body.append(pick(rng, "client_none", split))

    body.append(pick(rng, "status_" + status, split))

    if budget_kind == "spent":
        body.append(fill(pick(rng, "budget", split), a=render_eur(rng, spent_cents)))
    elif budget_kind == "spent_total":
        total = make_total_cents(rng, spent_cents)
        body.append(fill(pick(rng, "budget_total", split),
                         a=render_eur(rng, spent_cents), t=render_eur(rng, total)))
    elif budget_kind == "zero":
        body.append(pick(rng, "budget_zero", split))
    else:
        r = rng.random()
        if r < 0.25:
            body.append(pick(rng, "budget_none", split))
        elif r < 0.40:
            total = rng.randint(2, 60) * 5000 * 100
            body.append(fill(pick(rng, "budget_none_total", split),
                             t=render_eur(rng, total)))

    if milestone_mentioned:
        key = "milestone_done" if milestone_done else "milestone_pending"
        body.append(fill(pick(rng, key, split), m=rng.choice(MILESTONES)))

    if n_blockers == 0:
        if rng.random() < 0.5:
            body.append(pick(rng, "no_blockers", split))
    elif n_blockers >= 2 and rng.random() < 0.5:
        items = []
        item_template = pick(rng, "blocker_item", split)
        for b in blockers:
            tid = decorate_ticket(rng, b["ticket_id"])
            if b["delay_hours"] == 0:
                items.append(fill(pick(rng, "blocker_item_zero", split), tid=tid))
            else:
                items.append(fill(item_template, tid=tid,
                                  h=render_hours(rng, b["delay_hours"])))
        if any("," in it for it in items):
            lista = "; ".join(items)
        else:
            lista = ", ".join(items[:-1]) + " y " + items[-1]
        body.append(fill(pick(rng, "blocker_list", split), lista=lista))
    else:
        for b in blockers:
            tid = decorate_ticket(rng, b["ticket_id"])
            if b["delay_hours"] == 0:
                body.append(fill(pick(rng, "blocker_zero", split), tid=tid))
            else:
                body.append(fill(pick(rng, "blocker", split), tid=tid,
                                 h=render_hours(rng, b["delay_hours"])))

    if rng.random() < 0.10:
        tid = make_ticket(rng, split, taken)
        body.append(fill(pick(rng, "resolved_ticket", split), tid=decorate_ticket(rng, tid)))

    next_sentence = None
    if next_step is not None:
        next_sentence = fill(pick(rng, "next_step", split), n=next_step)
    elif rng.random() < 0.4:
        next_sentence = pick(rng, "next_step_none", split)

    noise_pool = list(POOLS["noise"][split])
    rng.shuffle(noise_pool)
    n_noise = weighted_choice(rng, [(18, 0), (24, 1), (22, 2), (14, 3), (10, 4),
                                    (7, 5), (5, 6)])
    noise_used = []
    for _ in range(n_noise):
        noise_used.append(noise_pool.pop())
        body.append(noise_used[-1])

    # --- ordering ------------------------------------------------------------
    rng.shuffle(body)
    if next_sentence is not None:
        if rng.random() < 0.5:
            body.append(next_sentence)
        else:
            body.insert(rng.randint(0, len(body)), next_sentence)
    layout = weighted_choice(rng, [(70, "prose"), (20, "lines"), (10, "bullets")])
    if layout == "bullets" or rng.random() < 0.88:
        sentences = [header] + body
    else:
        # Occasionally the project is only named further down the report.
        sentences = list(body)
        sentences.insert(rng.randint(1, len(sentences)), header)
    text = render_layout(rng, split, sentences, layout)

    # Pad short reports with more noise; trim noise from over-long ones.
    while len(text.split()) < MIN_WORDS and noise_pool:
        sentences.insert(rng.randint(1, len(sentences)), noise_pool.pop())
        text = render_layout(rng, split, sentences, layout)
    out_chars = len(json.dumps(output, ensure_ascii=False))
    while noise_used and (len(text.split()) > MAX_WORDS or
                          len(INSTRUCTION) + len(text) + out_chars > MAX_ROW_CHARS):
        sentences.remove(noise_used.pop())
        text = render_layout(rng, split, sentences, layout)
    return text, output


def render_layout(rng, split, sentences, layout):
    if layout == "bullets":
        return sentences[0] + "\n" + "\n".join("- " + s for s in sentences[1:])
    out = list(sentences[:2])
    for s in sentences[2:]:
        first = s.split(" ", 1)[0]
        if first in LOWERABLE_FIRST_WORDS and rng.random() < 0.12:
            s = pick(rng, "connector", split) + s[0].lower() + s[1:]
        out.append(s)
    return ("\n" if layout == "lines" else " ").join(out)


def generate_split(seed, split, count, seen_inputs):
    rng = random.Random(seed * 1000 + SPLITS.index(split))
    schedule = status_schedule(rng, count)
    rows = []
    attempts = 0
    rejected_long = 0
    while len(rows) < count:
        attempts += 1
        if attempts > count * 50:
            raise SystemExit("could not generate %d unique rows for %s" % (count, split))
        text, output = build_example(rng, split, schedule[len(rows)])
        n_words = len(text.split())
        if not MIN_WORDS <= n_words <= MAX_WORDS:
            rejected_long += 1
            continue
        if text in seen_inputs:
            continue
        try:
            validate_output(output)
        except ValueError as exc:
            raise SystemExit("generated output fails the schema (%s): %r" % (exc, output))
        row = {
            "instruction": INSTRUCTION,
            "input": text,
            "output": json.dumps(output, ensure_ascii=False),
        }
        row_chars = len(row["instruction"]) + len(row["input"]) + len(row["output"])
        if row_chars > MAX_ROW_CHARS:
            rejected_long += 1
            continue
        # Round-trip check: the serialised output must parse back identically.
        back = json.loads(row["output"])
        validate_output(back)
        if back != output:
            raise SystemExit("output does not round-trip: %r" % (output,))
        seen_inputs.add(text)
        rows.append(row)
    if rejected_long > count // 20:
        raise SystemExit("too many rows rejected for length in %s (%d)" % (split, rejected_long))
    return rows


def summarize(name, rows):
    objs = [json.loads(r["output"]) for r in rows]
    n = len(objs)

    def frac(pred):
        return "%.2f" % (sum(1 for o in objs if pred(o)) / n) if n else "n/a"

    words = [len(r["input"].split()) for r in rows]
    parts = [
        "%-5s rows=%d" % (name, n),
        "client_null=%s" % frac(lambda o: o["client"] is None),
        "budget_null=%s" % frac(lambda o: o["budget_used_eur"] is None),
        "next_step_null=%s" % frac(lambda o: o["next_step"] is None),
        "milestone_true=%s" % frac(lambda o: o["key_milestone_completed"]),
    ]
    parts.append("blockers " + " ".join(
        "%d:%s" % (k, frac(lambda o, k=k: len(o["blockers_today"]) == k)) for k in range(4)))
    parts.append("status " + " ".join(
        "%s:%s" % (s, frac(lambda o, s=s: o["status"] == s)) for s in STATUSES))
    if words:
        parts.append("words min/mean/max=%d/%.1f/%d" % (min(words), sum(words) / n, max(words)))
    return "  ".join(parts)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=1234)
    ap.add_argument("--out-dir", default=HERE)
    ap.add_argument("--train", type=int, default=600)
    ap.add_argument("--val", type=int, default=80)
    ap.add_argument("--test", type=int, default=80)
    args = ap.parse_args(argv)

    counts = {"train": args.train, "val": args.val, "test": args.test}
    os.makedirs(args.out_dir, exist_ok=True)
    seen_inputs = set()
    all_rows = {}
    for split in SPLITS:
        rows = generate_split(args.seed, split, counts[split], seen_inputs)
        all_rows[split] = rows
        path = os.path.join(args.out_dir, split + ".jsonl")
        with open(path, "w", encoding="utf-8", newline="\n") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")

    for split in SPLITS:
        print(summarize(split, all_rows[split]))
    print(summarize("all", all_rows["train"] + all_rows["val"] + all_rows["test"]))
    print("wrote %s" % ", ".join(os.path.join(args.out_dir, s + ".jsonl") for s in SPLITS))
    return 0


if __name__ == "__main__":
    sys.exit(main())
