"""Filas del tema «uniones»: (categoría, instrucción, respuesta)."""

TOPIC = "uniones"

ROWS = [
# ---------------------------------------------------------------- definition
("definition",
r"""¿Qué es un tipo unión en TypeScript?""",
r"""Un tipo unión `A | B` describe un valor que puede ser de cualquiera de los tipos indicados. Es la forma de modelar «una cosa u otra».

```ts
type Id = string | number;

function mostrarId(id: Id): string {
  // Solo se pueden usar directamente las operaciones comunes a ambos tipos.
  if (typeof id === "number") {
    return id.toFixed(0); // aquí id es number
  }
  return id.toUpperCase(); // aquí id es string
}

mostrarId(42);
mostrarId("abc-1");
export {};
```

Antes de usar operaciones propias de un miembro, tienes que estrechar el tipo con una comprobación (`typeof`, `in`, una propiedad discriminante...). Las uniones se combinan muy bien con los tipos literales: `"norte" | "sur"`."""),

("definition",
r"""¿Qué es una unión discriminada?""",
r"""Es una unión de tipos objeto que comparten una propiedad con un tipo literal distinto en cada miembro (el discriminante, a menudo `tipo` o `kind`). Al comprobar esa propiedad, TypeScript sabe exactamente qué miembro tienes.

```ts
type Pago =
  | { metodo: "tarjeta"; numero: string }
  | { metodo: "bizum"; telefono: string }
  | { metodo: "efectivo" };

function resumen(p: Pago): string {
  switch (p.metodo) {
    case "tarjeta":
      return `Tarjeta ****${p.numero.slice(-4)}`;
    case "bizum":
      return `Bizum al ${p.telefono}`;
    case "efectivo":
      return "Pago en efectivo";
  }
}

resumen({ metodo: "bizum", telefono: "600123123" });
export {};
```

Es el patrón más habitual para modelar estados y mensajes con datos diferentes en cada caso."""),

("definition",
r"""¿Qué propiedades puedo usar en un valor de tipo unión sin estrecharlo?""",
r"""Solo las que existen en todos los miembros de la unión. Si una propiedad falta en alguno, el compilador no puede garantizar que exista.

```ts
interface Perro {
  nombre: string;
  ladrar(): void;
}

interface Pez {
  nombre: string;
  nadar(): void;
}

function presentar(mascota: Perro | Pez): string {
  // nombre existe en ambos: se puede usar directamente.
  return `Se llama ${mascota.nombre}`;
  // mascota.ladrar(); // error: Pez no tiene ladrar
}

presentar({ nombre: "Nemo", nadar() {} });
export {};
```

Cuando una propiedad común tiene tipos distintos en cada miembro, su tipo en la unión es la unión de esos tipos. Para el resto, estrecha primero con `in`, `typeof`, `instanceof` o un discriminante."""),

("definition",
r"""¿Qué es una unión de tipos literales?""",
r"""Es una unión cuyos miembros son valores concretos: cadenas, números o booleanos exactos. Sirve para limitar una variable a un conjunto cerrado de opciones, con autocompletado en el editor.

```ts
type Talla = "XS" | "S" | "M" | "L" | "XL";
type Puntuacion = 1 | 2 | 3 | 4 | 5;

interface Valoracion {
  talla: Talla;
  puntos: Puntuacion;
}

const v: Valoracion = { talla: "M", puntos: 4 };
// const w: Valoracion = { talla: "XXL", puntos: 6 }; // dos errores

function siguiente(t: Talla): Talla {
  const orden: Talla[] = ["XS", "S", "M", "L", "XL"];
  return orden[Math.min(orden.indexOf(t) + 1, orden.length - 1)];
}
export { v, siguiente };
```

`boolean` es en realidad la unión `true | false`."""),

("definition",
r"""¿Qué ocurre cuando se une un tipo con `never`?""",
r"""`never` es el elemento neutro de la unión: `T | never` es simplemente `T`. Como `never` no tiene valores, no añade nada. Esto es la base de muchas técnicas para filtrar uniones.

```ts
type A = string | never; // string

// Filtrar: los miembros que no cumplen se convierten en never y desaparecen.
type SoloCadenas<T> = T extends string ? T : never;

type Mezcla = "a" | 1 | "b" | true;
type Letras = SoloCadenas<Mezcla>; // "a" | "b"

const x: A = "hola";
const l: Letras = "b";
export { x, l };
```

Por el mismo motivo, una unión vacía es `never`: si estrechas una unión hasta descartar todos sus miembros, lo que queda es `never`, y eso permite comprobar la exhaustividad."""),

("definition",
r"""¿Qué es la comprobación de exhaustividad en una unión?""",
r"""Es una técnica para que el compilador te avise si no manejas todos los miembros de una unión. Tras cubrir cada caso, el valor restante es `never`; si asignarlo a `never` falla, significa que falta algún caso.

```ts
type Figura =
  | { tipo: "circulo"; r: number }
  | { tipo: "rect"; ancho: number; alto: number };

function asegurarNunca(valor: never): never {
  throw new Error(`Caso no contemplado: ${JSON.stringify(valor)}`);
}

function area(f: Figura): number {
  switch (f.tipo) {
    case "circulo":
      return Math.PI * f.r ** 2;
    case "rect":
      return f.ancho * f.alto;
    default:
      return asegurarNunca(f);
  }
}
area({ tipo: "rect", ancho: 2, alto: 3 });
export {};
```

Si mañana añades `{ tipo: "triangulo" }` a `Figura`, la llamada a `asegurarNunca` dará un error hasta que añadas el caso."""),

("definition",
r"""¿Qué significa el tipo `T | undefined` y cuándo aparece?""",
r"""Es una unión que indica que un valor puede faltar. Con `strictNullChecks`, `undefined` no forma parte de ningún tipo salvo que lo añadas, así que esta unión documenta la ausencia posible y obliga a comprobarla.

Aparece en propiedades y parámetros opcionales, en búsquedas que pueden fallar y en accesos a colecciones:

```ts
const usuarios = ["ana", "luis"];

const encontrado = usuarios.find((u) => u.startsWith("l")); // string | undefined
const mapa = new Map<string, number>([["a", 1]]);
const valor = mapa.get("b"); // number | undefined

function longitud(texto: string | undefined): number {
  return texto?.length ?? 0;
}

longitud(encontrado); // 4
longitud(undefined);  // 0
export { valor };
```

Para usar el valor debes estrecharlo: con `if`, `?.`, `??` o una comprobación explícita `!== undefined`."""),

("definition",
r"""¿Qué devuelve `keyof` aplicado a una unión de tipos objeto?""",
r"""`keyof (A | B)` devuelve solo las claves comunes a todos los miembros, porque son las únicas que seguro existen en cualquier valor de la unión. En cambio, `keyof (A & B)` devuelve todas las claves.

```ts
interface Coche {
  marca: string;
  puertas: number;
}

interface Moto {
  marca: string;
  cilindrada: number;
}

type ClavesUnion = keyof (Coche | Moto);        // "marca"
type ClavesInterseccion = keyof (Coche & Moto); // "marca" | "puertas" | "cilindrada"

function leer(v: Coche | Moto, clave: ClavesUnion): string {
  return v[clave];
}
const k: ClavesInterseccion = "cilindrada";
export { leer, k };
```

Parece contraintuitivo al principio: la unión de valores da la intersección de claves, y al revés."""),

# ---------------------------------------------------------------- example
("example",
r"""Muéstrame cómo modelar el estado de una petición HTTP con una unión discriminada.""",
r"""Cada estado tiene sus propios datos: solo hay `datos` en el éxito y solo hay `error` en el fallo. Así es imposible representar combinaciones absurdas, como cargar y tener error a la vez.

```ts
type EstadoPeticion<T> =
  | { estado: "inactivo" }
  | { estado: "cargando" }
  | { estado: "exito"; datos: T }
  | { estado: "error"; error: string };

function pintar(e: EstadoPeticion<string[]>): string {
  switch (e.estado) {
    case "inactivo":
      return "Pulsa para cargar";
    case "cargando":
      return "Cargando...";
    case "exito":
      return e.datos.join(", ");
    case "error":
      return `Error: ${e.error}`;
  }
}

pintar({ estado: "exito", datos: ["a", "b"] }); // "a, b"
export {};
```

Es mucho más seguro que un objeto con `cargando: boolean`, `datos?: T` y `error?: string` independientes."""),

("example",
r"""Escribe una función que acepte un `string` o un array de `string`.""",
r"""Declara el parámetro como unión y normaliza al principio de la función con `Array.isArray`. El resto del código trabaja siempre con un array.

```ts
function etiquetar(etiquetas: string | string[]): string {
  const lista = Array.isArray(etiquetas) ? etiquetas : [etiquetas];
  return lista.map((e) => `#${e.trim().toLowerCase()}`).join(" ");
}

etiquetar("Viajes");               // "#viajes"
etiquetar(["Playa", " Verano "]);  // "#playa #verano"
export {};
```

Este patrón es común en APIs que quieren ser cómodas de usar: quien llama pasa un solo valor o varios, y la función se encarga de unificar. Si el tipo de retorno dependiera de lo recibido, convendría usar sobrecargas."""),

("example",
r"""Dame un ejemplo de máquina de estados tipada con uniones.""",
r"""Modela cada estado como miembro de una unión discriminada y escribe una función de transición que devuelva el siguiente estado. El compilador impide construir estados con datos incorrectos.

```ts
type Semaforo =
  | { luz: "verde"; segundos: number }
  | { luz: "ambar" }
  | { luz: "roja"; segundos: number };

function siguiente(s: Semaforo): Semaforo {
  switch (s.luz) {
    case "verde":
      return { luz: "ambar" };
    case "ambar":
      return { luz: "roja", segundos: 30 };
    case "roja":
      return { luz: "verde", segundos: 45 };
  }
}

let estado: Semaforo = { luz: "verde", segundos: 45 };
estado = siguiente(estado); // { luz: "ambar" }
estado = siguiente(estado); // { luz: "roja", segundos: 30 }
export {};
```

Como el `switch` cubre todos los casos, TypeScript sabe que la función siempre devuelve un valor."""),

("example",
r"""Escribe un tipo `Resultado` con éxito o error y una función que lo use.""",
r"""Un `Resultado` discriminado por `ok` permite devolver errores como valores, sin excepciones, y obliga a quien llama a comprobar el caso de error.

```ts
type Resultado<T, E = string> =
  | { ok: true; valor: T }
  | { ok: false; error: E };

function parsearEdad(texto: string): Resultado<number> {
  const n = Number(texto);
  if (!Number.isInteger(n) || n < 0) {
    return { ok: false, error: `«${texto}» no es una edad válida` };
  }
  return { ok: true, valor: n };
}

const r = parsearEdad("34");
if (r.ok) {
  console.log(r.valor + 1); // r.valor: number
} else {
  console.error(r.error);   // r.error: string
}
export {};
```

Usar `true`/`false` literales como discriminante funciona igual que usar cadenas."""),

("example",
r"""Muéstrame un mapa de manejadores de eventos tipado a partir de una unión discriminada.""",
r"""Con un tipo mapeado y `Extract` puedes exigir un manejador por cada tipo de evento, y que cada uno reciba exactamente su variante.

```ts
type Evento =
  | { tipo: "clic"; x: number; y: number }
  | { tipo: "tecla"; codigo: string }
  | { tipo: "scroll"; delta: number };

type Manejadores = {
  [K in Evento["tipo"]]: (e: Extract<Evento, { tipo: K }>) => void;
};

const manejadores: Manejadores = {
  clic: (e) => console.log(e.x, e.y),
  tecla: (e) => console.log(e.codigo),
  scroll: (e) => console.log(e.delta),
};

function despachar<E extends Evento>(e: E): void {
  const manejar = manejadores[e.tipo as E["tipo"]] as (ev: E) => void;
  manejar(e);
}

despachar({ tipo: "tecla", codigo: "Enter" });
export {};
```

Si añades un evento a la unión, el compilador exige su manejador."""),

("example",
r"""¿Cómo filtro un array de una unión para quedarme solo con un tipo?""",
r"""Usa `filter` con una función que devuelva un predicado de tipo (`x is T`). Así el array resultante tiene el tipo estrechado.

```ts
type Item =
  | { tipo: "archivo"; nombre: string; bytes: number }
  | { tipo: "carpeta"; nombre: string; hijos: number };

type Archivo = Extract<Item, { tipo: "archivo" }>;

const items: Item[] = [
  { tipo: "archivo", nombre: "a.txt", bytes: 120 },
  { tipo: "carpeta", nombre: "docs", hijos: 3 },
];

const archivos = items.filter((i): i is Archivo => i.tipo === "archivo");
const total = archivos.reduce((suma, a) => suma + a.bytes, 0); // a: Archivo
export { total };
```

Desde TypeScript 5.5, el compilador infiere el predicado en muchos casos sencillos (por ejemplo, `x => x !== null`), pero con discriminantes anotarlo explícitamente sigue siendo lo más claro."""),

("example",
r"""¿Cómo uso una unión de tuplas para tipar parámetros que dependen unos de otros?""",
r"""Un parámetro resto con una unión de tuplas permite que el tipo del segundo argumento dependa del primero. Al desestructurar, TypeScript relaciona ambos valores.

```ts
type Args =
  | [accion: "mover", destino: { x: number; y: number }]
  | [accion: "escribir", texto: string]
  | [accion: "borrar"];

function ejecutar(...args: Args): void {
  const [accion, dato] = args;
  if (accion === "mover") {
    console.log(`Moviendo a ${dato.x}, ${dato.y}`);
  } else if (accion === "escribir") {
    console.log(`Texto: ${dato.toUpperCase()}`);
  } else {
    console.log("Borrando");
  }
}

ejecutar("mover", { x: 1, y: 2 });
ejecutar("escribir", "hola");
ejecutar("borrar");
// ejecutar("borrar", "x"); // error
export {};
```

Al comprobar `accion`, el compilador estrecha también `dato`, porque ambos vienen de la misma tupla desestructurada con `const`."""),

("example",
r"""Escribe una función de búsqueda que devuelva el elemento o `null` si no existe.""",
r"""Devuelve `T | null` y deja que quien llama decida qué hacer. El compilador impide usar el resultado sin comprobarlo.

```ts
interface Libro {
  isbn: string;
  titulo: string;
}

function buscarPorIsbn(libros: Libro[], isbn: string): Libro | null {
  return libros.find((l) => l.isbn === isbn) ?? null;
}

const catalogo: Libro[] = [{ isbn: "978-84", titulo: "Niebla" }];

const libro = buscarPorIsbn(catalogo, "978-84");
if (libro !== null) {
  console.log(libro.titulo); // libro: Libro
}

const titulo = buscarPorIsbn(catalogo, "000")?.titulo ?? "No encontrado";
export { titulo };
```

Usar `null` (en vez de `undefined`) comunica que la ausencia es un resultado esperado de la búsqueda, no un olvido."""),

# ---------------------------------------------------------------- error_correction
("error_correction",
r"""¿Por qué obtengo `error TS2339: Property 'radio' does not exist on type 'Forma'.`?

```ts-error
interface Circulo {
  tipo: "circulo";
  radio: number;
}
interface Cuadrado {
  tipo: "cuadrado";
  lado: number;
}
type Forma = Circulo | Cuadrado;

function area(f: Forma): number {
  return Math.PI * f.radio ** 2;
}
```""",
r"""`radio` solo existe en `Circulo`. Sin estrechar, `f` podría ser un `Cuadrado`, así que el compilador no deja leer propiedades que no están en todos los miembros de la unión.

Estrecha con el discriminante `tipo` antes de usarla:

```ts
interface Circulo {
  tipo: "circulo";
  radio: number;
}
interface Cuadrado {
  tipo: "cuadrado";
  lado: number;
}
type Forma = Circulo | Cuadrado;

function area(f: Forma): number {
  if (f.tipo === "circulo") {
    return Math.PI * f.radio ** 2; // f: Circulo
  }
  return f.lado ** 2;              // f: Cuadrado
}

area({ tipo: "cuadrado", lado: 3 }); // 9
export {};
```

Este es exactamente el motivo de tener una propiedad discriminante en cada miembro."""),

("error_correction",
r"""Me aparece `error TS2339: Property 'toFixed' does not exist on type 'string | number'.`

```ts-error
function formatear(valor: string | number): string {
  return valor.toFixed(2);
}
```""",
r"""`toFixed` es un método de `number`, pero `valor` también puede ser `string`, y las cadenas no lo tienen. En una unión solo puedes usar lo común a todos los miembros.

Estrecha con `typeof` y trata cada caso:

```ts
function formatear(valor: string | number): string {
  if (typeof valor === "number") {
    return valor.toFixed(2);
  }
  const numero = Number.parseFloat(valor);
  return Number.isNaN(numero) ? valor : numero.toFixed(2);
}

formatear(3.14159); // "3.14"
formatear("2.5");   // "2.50"
formatear("n/d");   // "n/d"
export {};
```

Si la función solo debería recibir números, lo más limpio es cambiar el parámetro a `number` y convertir antes de llamarla."""),

("error_correction",
r"""Esta función da `error TS2366: Function lacks ending return statement and return type does not include 'undefined'.`

```ts-error
type Nivel = "bajo" | "medio" | "alto";

function color(n: Nivel): string {
  switch (n) {
    case "bajo":
      return "verde";
    case "medio":
      return "amarillo";
  }
}
```""",
r"""El `switch` no cubre el caso `"alto"`. Si `n` vale `"alto"`, la función termina sin `return` y devolvería `undefined`, que no encaja con el tipo `string`. El compilador lo detecta porque sabe que la unión no se ha agotado.

Añade el caso que falta:

```ts
type Nivel = "bajo" | "medio" | "alto";

function color(n: Nivel): string {
  switch (n) {
    case "bajo":
      return "verde";
    case "medio":
      return "amarillo";
    case "alto":
      return "rojo";
  }
}

color("alto"); // "rojo"
export {};
```

Cuando el `switch` cubre todos los miembros, no hace falta `default`: TypeScript sabe que es exhaustivo. Para casos más complejos, añade un `default` que asigne el valor a `never`."""),

("error_correction",
r"""¿Por qué falla esta llamada? `error TS2345: Argument of type 'string | undefined' is not assignable to parameter of type 'string'.`

```ts-error
function saludar(nombre: string): string {
  return `Hola, ${nombre}`;
}

const params = new URLSearchParams("?usuario=ana");
const usuario = params.get("usuario") ?? undefined;
saludar(usuario);
```""",
r"""`usuario` tiene tipo `string | undefined`, porque el parámetro podría no estar en la URL. La función `saludar` exige un `string`, así que primero hay que descartar `undefined`.

Opciones habituales:

```ts
function saludar(nombre: string): string {
  return `Hola, ${nombre}`;
}

const params = new URLSearchParams("?usuario=ana");
const usuario = params.get("usuario") ?? undefined;

// 1. Comprobar antes de llamar.
if (usuario !== undefined) {
  saludar(usuario);
}

// 2. Dar un valor por defecto.
saludar(usuario ?? "invitado");

// 3. Hacer que la función acepte la ausencia.
function saludarOpcional(nombre?: string): string {
  return `Hola, ${nombre ?? "invitado"}`;
}
saludarOpcional(usuario);
export {};
```

Evita `usuario!`: silencia el error sin comprobar nada."""),

("error_correction",
r"""Intento añadir un valor a un array y obtengo `error TS2345: Argument of type 'boolean' is not assignable to parameter of type 'string | number'.`

```ts-error
const celdas: (string | number)[] = ["A1", 42];
celdas.push(true);
```""",
r"""El array se declaró como `(string | number)[]`, así que cada elemento debe ser `string` o `number`. Un `boolean` no pertenece a la unión.

Si los booleanos son datos válidos en la hoja, amplía la unión; si no, convierte el valor antes de añadirlo:

```ts
// 1. Ampliar el tipo de los elementos.
type Celda = string | number | boolean;
const celdas: Celda[] = ["A1", 42];
celdas.push(true);

// 2. Mantener el tipo y convertir.
const textos: (string | number)[] = ["A1", 42];
const activo = true;
textos.push(activo ? 1 : 0);
export {};
```

Darle nombre a la unión (`Celda`) facilita ampliarla en un solo sitio cuando aparecen nuevos tipos de datos."""),

("error_correction",
r"""No entiendo este error: `error TS2345: Argument of type '"hola"' is not assignable to parameter of type 'never'.`

```ts-error
type Formateador = ((v: string) => string) | ((v: number) => string);

function aplicar(f: Formateador): string {
  return f("hola");
}
```""",
r"""Llamar a una unión de funciones solo es seguro con un argumento que acepten todas: TypeScript intersecta los parámetros, y `string & number` es `never`. Como no sabe cuál de las dos funciones tienes, no puede aceptar ni un `string` ni un `number`.

Si el formateador recibe distintos tipos, describe una sola función que acepte la unión:

```ts
type Formateador = (v: string | number) => string;

function aplicar(f: Formateador): string {
  return f("hola");
}

const aTexto: Formateador = (v) => (typeof v === "number" ? v.toFixed(1) : v.trim());
aplicar(aTexto); // "hola"
export {};
```

Otra opción es una unión discriminada que guarde la función junto con una etiqueta, y estrechar por la etiqueta antes de llamarla."""),

("error_correction",
r"""¿Por qué este objeto no encaja? Error: `error TS2345: Argument of type '{ tipo: string; mensaje: string; }' is not assignable to parameter of type 'Aviso'.`

```ts-error
type Aviso =
  | { tipo: "info"; mensaje: string }
  | { tipo: "error"; mensaje: string; codigo: number };

function mostrar(a: Aviso): void {
  console.log(a.mensaje);
}

const aviso = { tipo: "info", mensaje: "Guardado" };
mostrar(aviso);
```""",
r"""Al guardar el objeto en `aviso` sin anotación, TypeScript ensancha `tipo` a `string`. Y un `string` cualquiera no sirve como discriminante: la unión exige exactamente `"info"` o `"error"`.

Conserva el literal con una de estas opciones:

```ts
type Aviso =
  | { tipo: "info"; mensaje: string }
  | { tipo: "error"; mensaje: string; codigo: number };

function mostrar(a: Aviso): void {
  console.log(a.mensaje);
}

// 1. Anotar la variable.
const aviso: Aviso = { tipo: "info", mensaje: "Guardado" };
mostrar(aviso);

// 2. Usar satisfies, que además conserva el tipo preciso.
const otro = { tipo: "error", mensaje: "Fallo", codigo: 500 } satisfies Aviso;
mostrar(otro);
export {};
```"""),

("error_correction",
r"""¿Por qué el compilador se queja aquí? `error TS2322: Type '"ninguno"' is not assignable to type 'Orden'.`

```ts-error
type Orden = "asc" | "desc";

function ordenar(datos: number[], orden: Orden = "ninguno"): number[] {
  return [...datos].sort((a, b) => (orden === "asc" ? a - b : b - a));
}
```""",
r"""El valor por defecto debe pertenecer al tipo del parámetro, y `"ninguno"` no forma parte de la unión `Orden`.

Si «sin ordenar» es una opción válida, añádela a la unión y trátala en la función:

```ts
type Orden = "asc" | "desc" | "ninguno";

function ordenar(datos: number[], orden: Orden = "ninguno"): number[] {
  if (orden === "ninguno") return [...datos];
  return [...datos].sort((a, b) => (orden === "asc" ? a - b : b - a));
}

ordenar([3, 1, 2]);         // [3, 1, 2]
ordenar([3, 1, 2], "asc");  // [1, 2, 3]
export {};
```

Si «sin ordenar» no debe existir, deja la unión como estaba y usa `orden: Orden = "asc"`."""),

# ---------------------------------------------------------------- comparison
("comparison",
r"""¿Qué diferencia hay entre una unión (`|`) y una intersección (`&`)?""",
r"""- Unión `A | B`: el valor es de uno de los tipos. Tiene menos garantías: solo puedes usar lo común sin estrechar.
- Intersección `A & B`: el valor es de todos los tipos a la vez. Tiene todas las propiedades de ambos.

```ts
type ConNombre = { nombre: string };
type ConEdad = { edad: number };

// Unión: basta con cumplir uno.
const u1: ConNombre | ConEdad = { nombre: "Ana" };
const u2: ConNombre | ConEdad = { edad: 30 };

// Intersección: hay que cumplir los dos.
const i: ConNombre & ConEdad = { nombre: "Ana", edad: 30 };

function describir(p: ConNombre | ConEdad): string {
  return "nombre" in p ? p.nombre : `${p.edad} años`;
}
export { u1, u2, i, describir };
```

Una regla para recordarlo: la unión amplía los valores aceptados y reduce lo que puedes hacer con ellos; la intersección hace lo contrario."""),

("comparison",
r"""¿Qué diferencia hay entre `(string | number)[]` y `string[] | number[]`?""",
r"""- `(string | number)[]`: un solo array que puede mezclar cadenas y números.
- `string[] | number[]`: o bien un array solo de cadenas, o bien uno solo de números; nunca mezclados.

```ts
const mezclado: (string | number)[] = ["a", 1, "b", 2]; // correcto
// const puro: string[] | number[] = ["a", 1];          // error

function sumarOContar(datos: string[] | number[]): number {
  if (datos.length === 0) return 0;
  const primero = datos[0];
  if (typeof primero === "number") {
    return (datos as number[]).reduce((a, b) => a + b, 0);
  }
  return datos.length;
}

sumarOContar([1, 2, 3]);   // 6
sumarOContar(["x", "y"]);  // 2
export { mezclado };
```

La segunda forma es más precisa, pero más incómoda: para usar métodos específicos tienes que estrechar el array entero. Elige la que describa tus datos reales."""),

("comparison",
r"""¿Es mejor una unión discriminada o un tipo con propiedades opcionales?""",
r"""Un tipo con propiedades opcionales permite combinaciones que no deberían existir. Una unión discriminada describe solo los estados válidos.

```ts
// Con opcionales: nada impide un estado imposible.
interface EnvioLaxo {
  enviado: boolean;
  fechaEnvio?: Date;
  motivoRetraso?: string;
}
const raro: EnvioLaxo = { enviado: false, fechaEnvio: new Date() }; // compila

// Con unión discriminada: cada estado tiene sus datos.
type Envio =
  | { estado: "pendiente"; motivoRetraso?: string }
  | { estado: "enviado"; fechaEnvio: Date };

function info(e: Envio): string {
  return e.estado === "enviado"
    ? `Enviado el ${e.fechaEnvio.toLocaleDateString()}` // fechaEnvio segura
    : e.motivoRetraso ?? "Pendiente";
}
export { raro, info };
```

Con la unión, además, no necesitas comprobar si `fechaEnvio` existe: al saber el estado, el compilador lo garantiza."""),

("comparison",
r"""¿Por qué usar una unión de literales en vez de `string`?""",
r"""`string` acepta cualquier texto, incluidas erratas. Una unión de literales limita los valores a los permitidos, da autocompletado y permite comprobar la exhaustividad.

```ts
// Con string, la errata pasa desapercibida:
function alinearLaxo(a: string): string {
  return a === "center" ? "centrado" : "otro";
}
alinearLaxo("cetner"); // compila, y es un error

// Con una unión, el compilador la detecta:
type Alineacion = "left" | "center" | "right";
function alinear(a: Alineacion): string {
  switch (a) {
    case "left":
      return "izquierda";
    case "center":
      return "centrado";
    case "right":
      return "derecha";
  }
}
alinear("center");
// alinear("cetner"); // error
export {};
```

Usa `string` solo cuando el conjunto de valores sea realmente abierto, como nombres de usuario o textos libres."""),

("comparison",
r"""¿Qué diferencia hay entre una propiedad opcional `x?: T` y una propiedad `x: T | undefined`?""",
r"""- `x?: T`: la propiedad puede omitirse por completo (y, por defecto, también puede valer `undefined`).
- `x: T | undefined`: la propiedad debe aparecer siempre, aunque su valor sea `undefined`.

```ts
interface A {
  nota?: string;
}
interface B {
  nota: string | undefined;
}

const a1: A = {};                   // correcto: se puede omitir
const a2: A = { nota: undefined };  // correcto por defecto
// const b1: B = {};                // error: falta la propiedad nota
const b2: B = { nota: undefined };  // correcto: presente con undefined

console.log("nota" in a1, "nota" in b2); // false true
export { a2 };
```

La segunda forma obliga a quien crea el objeto a pensar en el campo. Con la opción `exactOptionalPropertyTypes`, `x?: T` deja de aceptar un `undefined` explícito, y la diferencia se vuelve aún más estricta."""),

("comparison",
r"""¿Cuándo uso un parámetro de tipo unión y cuándo sobrecargas?""",
r"""- Parámetro unión: basta cuando el tipo de retorno es el mismo sea cual sea el argumento.
- Sobrecargas: compensan cuando el tipo de retorno depende del tipo del argumento.

```ts
// Unión: el retorno siempre es string.
function aTexto(v: number | Date): string {
  return typeof v === "number" ? v.toString() : v.toISOString();
}

// Sobrecargas: el retorno cambia con el argumento.
function parsear(v: string): number;
function parsear(v: string[]): number[];
function parsear(v: string | string[]): number | number[] {
  return Array.isArray(v) ? v.map(Number) : Number(v);
}

const uno = parsear("4");          // number
const varios = parsear(["1", "2"]); // number[]
aTexto(new Date());
export { uno, varios };
```

Con una sola firma `(v: string | string[]): number | number[]`, quien llama tendría que estrechar el resultado aunque sepa lo que pasó. La documentación oficial recomienda preferir uniones siempre que sea posible, y sobrecargas solo en este caso."""),

("comparison",
r"""¿Es mejor modelar variantes con una unión discriminada o con una jerarquía de clases e `instanceof`?""",
r"""- Unión discriminada: datos planos (ideales para JSON), exhaustividad comprobada por el compilador y lógica en funciones separadas.
- Clases con `instanceof`: cada variante lleva sus métodos (polimorfismo), pero los datos deserializados de JSON no son instancias y `instanceof` falla con ellos.

```ts
// Unión: funciona con datos que llegan de una API.
type Notificacion =
  | { canal: "email"; direccion: string }
  | { canal: "sms"; telefono: string };

function destino(n: Notificacion): string {
  return n.canal === "email" ? n.direccion : n.telefono;
}

// Clases: el comportamiento viaja con el objeto.
abstract class Canal {
  abstract destino(): string;
}
class Email extends Canal {
  constructor(private direccion: string) {
    super();
  }
  destino(): string {
    return this.direccion;
  }
}

destino(JSON.parse('{"canal":"sms","telefono":"600"}') as Notificacion);
new Email("a@b.es").destino();
export {};
```

Para modelos de datos y estados, la unión suele ser más sencilla; las clases encajan cuando cada variante tiene comportamiento propio."""),

("comparison",
r"""¿Cuándo conviene `unknown` y cuándo una unión explícita de los tipos posibles?""",
r"""- `unknown`: cuando de verdad no sabes qué llega (JSON externo, `catch`, datos de usuario). Obliga a validar antes de usar.
- Unión explícita: cuando conoces el conjunto cerrado de tipos posibles. Documenta mejor y el estrechamiento es más sencillo.

```ts
// Unión: sabemos que es uno de estos tres.
type Entrada = string | number | Date;

function aFecha(e: Entrada): Date {
  if (e instanceof Date) return e;
  return new Date(e);
}

// unknown: hay que validar todo.
function aFechaSegura(valor: unknown): Date | null {
  if (typeof valor === "string" || typeof valor === "number" || valor instanceof Date) {
    return aFecha(valor);
  }
  return null;
}

aFechaSegura(JSON.parse('"2024-05-01"'));
export {};
```

Un patrón sano es recibir `unknown` en la frontera del sistema, validarlo y pasar al resto del código un tipo preciso, como una unión."""),

# ---------------------------------------------------------------- complexity
("complexity",
r"""¿Qué pasa con el rendimiento del compilador cuando una unión tiene miles de miembros?""",
r"""Las uniones grandes tienen costes que crecen rápido:

- Al crear la unión, el compilador elimina miembros duplicados o redundantes (reducción de subtipos), algo que puede requerir comparar muchos pares.
- Comparar dos uniones grandes puede exigir comprobar cada miembro de una contra la otra.
- Si la unión pasa por tipos distributivos o plantillas literales, se multiplica.

El límite duro son 100 000 miembros, pero se nota lentitud mucho antes.

```ts
// Unión razonable: decenas de miembros literales.
type Provincia = "Madrid" | "Sevilla" | "Valencia" | "Zaragoza";

// Para conjuntos enormes, amplía el tipo y valida en ejecución:
type CodigoPostal = `${number}`;

const PROVINCIAS: ReadonlySet<string> = new Set(["Madrid", "Sevilla"]);
function esProvincia(v: string): v is Provincia {
  return PROVINCIAS.has(v);
}
const cp: CodigoPostal = "28001";
export { esProvincia, cp };
```

Los miembros literales simples y las uniones discriminadas tienen optimizaciones internas; las uniones grandes de objetos estructurales son las más costosas."""),

("complexity",
r"""¿Por qué estrechar una unión discriminada es más eficiente que estrechar una unión sin discriminante?""",
r"""Con un discriminante literal, el compilador puede descartar miembros mirando una sola propiedad, como en una tabla. Sin él, tiene que comprobar la estructura de cada miembro (`in`, predicados, comparaciones de formas), lo que es más costoso y da mensajes de error peores.

```ts
// Con discriminante: cada comprobación descarta por el literal.
type Mensaje =
  | { tipo: "texto"; contenido: string }
  | { tipo: "imagen"; url: string }
  | { tipo: "audio"; segundos: number };

function tamano(m: Mensaje): number {
  switch (m.tipo) {
    case "texto":
      return m.contenido.length;
    case "imagen":
      return m.url.length;
    case "audio":
      return m.segundos;
  }
}

// Sin discriminante: el compilador debe razonar sobre la forma.
type Forma = { radio: number } | { lado: number };
const area = (f: Forma) => ("radio" in f ? Math.PI * f.radio ** 2 : f.lado ** 2);
export { tamano, area };
```

Además, con un discriminante la asignación de literales de objeto a uniones grandes se resuelve rápido."""),

("complexity",
r"""¿Cuándo conviene dividir una unión discriminada muy grande?""",
r"""Una unión con decenas de variantes sigue siendo correcta, pero los `switch` se vuelven largos, los mensajes de error muestran listas enormes y cualquier cambio obliga a revisar muchas funciones. Conviene agrupar las variantes por dominio en uniones más pequeñas y componerlas.

```ts
type EventoUsuario =
  | { tipo: "usuario.alta"; id: string }
  | { tipo: "usuario.baja"; id: string };

type EventoPedido =
  | { tipo: "pedido.creado"; total: number }
  | { tipo: "pedido.pagado"; total: number };

type Evento = EventoUsuario | EventoPedido;

function esDeUsuario(e: Evento): e is EventoUsuario {
  return e.tipo.startsWith("usuario.");
}

function registrar(e: Evento): string {
  if (esDeUsuario(e)) return `usuario ${e.id}`;
  return `pedido de ${e.total} €`;
}
registrar({ tipo: "pedido.pagado", total: 20 });
export {};
```

Cada módulo maneja su subunión, y la unión global solo se usa donde realmente llegan todos los eventos."""),
]
