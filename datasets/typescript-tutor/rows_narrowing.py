"""Filas del tema «narrowing»: (categoría, instrucción, respuesta)."""

TOPIC = "narrowing"

ROWS = [
# ---------------------------------------------------------------- definition
("definition",
r"""¿Qué es el estrechamiento de tipos (narrowing)?""",
r"""Es el proceso por el que TypeScript reduce el tipo de una variable dentro de un bloque de código, a partir de las comprobaciones que haces. Si una variable es `string | number` y compruebas `typeof x === "string"`, dentro del `if` el compilador la trata como `string`.

```ts
function describir(x: string | number | null): string {
  if (x === null) {
    return "vacío";               // x: null
  }
  if (typeof x === "string") {
    return `texto de ${x.length}`; // x: string
  }
  return `número ${x.toFixed(1)}`; // x: number
}

describir("hola");
describir(3);
describir(null);
export {};
```

Funciona con `typeof`, `instanceof`, `in`, comparaciones de igualdad, comprobaciones de veracidad, propiedades discriminantes y funciones que devuelven predicados de tipo."""),

("definition",
r"""¿Qué es un predicado de tipo (`valor is Tipo`)?""",
r"""Un predicado de tipo es un tipo de retorno especial, `parametro is Tipo`, que convierte una función booleana en una guarda de tipos: cuando devuelve `true`, el compilador estrecha el argumento a ese tipo en el código que llama.

```ts
interface Gato {
  maullar(): string;
}
interface Perro {
  ladrar(): string;
}

function esGato(animal: Gato | Perro): animal is Gato {
  return "maullar" in animal;
}

function sonido(animal: Gato | Perro): string {
  if (esGato(animal)) {
    return animal.maullar(); // animal: Gato
  }
  return animal.ladrar();    // animal: Perro
}
sonido({ ladrar: () => "guau" });
export {};
```

El compilador confía en tu implementación: si la comprobación es incorrecta, el tipo estrechado será falso. Escribe predicados sencillos y pruébalos."""),

("definition",
r"""¿Qué es el análisis de flujo de control en TypeScript?""",
r"""Es el mecanismo con el que el compilador sigue los caminos posibles de ejecución (`if`, `return`, `throw`, `switch`, bucles, asignaciones) para saber qué tipo tiene cada variable en cada punto del código. El estrechamiento se basa en él.

```ts
function procesar(entrada: string | string[] | undefined): string[] {
  if (!entrada) {
    return [];                 // aquí: undefined o ""
  }
  // Tras el return, entrada ya no puede ser undefined.
  if (typeof entrada === "string") {
    entrada = entrada.split(","); // la asignación cambia el tipo
  }
  // Aquí entrada es string[] por cualquier camino.
  return entrada.map((s) => s.trim());
}

procesar("a, b"); // ["a", "b"]
export {};
```

Gracias a este análisis, los retornos tempranos (`if (...) return`) son una forma natural de estrechar tipos sin anidar bloques."""),

("definition",
r"""¿Qué son las funciones de aserción (`asserts valor is Tipo`)?""",
r"""Una función de aserción no devuelve un booleano: si la condición no se cumple, lanza una excepción. Su tipo de retorno `asserts x is T` le dice al compilador que, si la función vuelve con normalidad, el argumento es de tipo `T` en el resto del bloque.

```ts
function asegurarTexto(valor: unknown, nombre: string): asserts valor is string {
  if (typeof valor !== "string") {
    throw new TypeError(`${nombre} debe ser un texto`);
  }
}

function saludar(datos: { nombre?: unknown }): string {
  asegurarTexto(datos.nombre, "nombre");
  return `Hola, ${datos.nombre.toUpperCase()}`; // ya es string
}

saludar({ nombre: "Ana" });
export {};
```

También existe la forma `asserts condicion`, que estrecha según una expresión booleana, como hace `console.assert` en algunas librerías de pruebas."""),

("definition",
r"""¿Cómo estrecha tipos el operador `in`?""",
r"""`"propiedad" in objeto` comprueba en ejecución si el objeto tiene esa propiedad. TypeScript lo usa para estrechar uniones: en la rama verdadera se queda con los miembros que tienen (o pueden tener) la propiedad, y en la falsa con los que no.

```ts
interface Admin {
  nombre: string;
  permisos: string[];
}
interface Invitado {
  nombre: string;
  caduca: Date;
}

function info(u: Admin | Invitado): string {
  if ("permisos" in u) {
    return `${u.nombre}: ${u.permisos.length} permisos`; // Admin
  }
  return `${u.nombre} caduca el ${u.caduca.toLocaleDateString()}`; // Invitado
}
info({ nombre: "Pilar", permisos: ["leer"] });
export {};
```

Es útil cuando los tipos no tienen un discriminante común. Si una propiedad es opcional en un miembro, ese miembro aparecerá en ambas ramas."""),

("definition",
r"""¿Qué es el estrechamiento por veracidad (truthiness)?""",
r"""Al usar un valor en una condición (`if (x)`, `&&`, `||`, `!`), JavaScript lo convierte a booleano. TypeScript aprovecha esto: en la rama verdadera descarta `null`, `undefined` y los literales falsos (`false`, `0`, `""`).

```ts
function iniciales(nombre: string | null | undefined): string {
  if (nombre) {
    // nombre: string (y no vacío en ejecución)
    return nombre
      .split(" ")
      .map((p) => p[0])
      .join("");
  }
  return "?";
}

iniciales("Ana Pérez"); // "AP"
iniciales(null);        // "?"
iniciales("");          // "?" ← cuidado: la cadena vacía también es falsa
export {};
```

Es cómodo, pero con números y cadenas puede descartar valores válidos como `0` o `""`. En esos casos compara explícitamente con `null` o `undefined`."""),

("definition",
r"""¿Cómo funciona el estrechamiento por igualdad?""",
r"""Al comparar con `===`, `!==`, `==` o `!=`, TypeScript estrecha ambos lados al tipo común. Comparar con un literal deja la variable con ese literal, y comparar dos variables de uniones distintas las reduce a los tipos que comparten.

```ts
function comparar(a: string | number, b: string | boolean): string {
  if (a === b) {
    return a.toUpperCase(); // a y b solo pueden ser string
  }
  return "distintos";
}

type Modo = "auto" | "manual" | "off";
function activo(m: Modo): boolean {
  if (m === "off") {
    return false;         // m: "off"
  }
  return m.length > 0;    // m: "auto" | "manual"
}

// == null descarta a la vez null y undefined:
function largo(s: string | null | undefined): number {
  return s != null ? s.length : 0;
}
comparar("x", "x");
export { activo, largo };
```"""),

("definition",
r"""¿Qué son los predicados de tipo inferidos de TypeScript 5.5?""",
r"""Desde TypeScript 5.5, el compilador puede deducir por sí solo que una función es un predicado de tipo cuando su cuerpo es una comprobación simple que estrecha el parámetro. Antes había que escribir `x is T` a mano.

```ts
const valores = [1, null, 2, undefined, 3];

// Antes de 5.5, el resultado era (number | null | undefined)[].
// Ahora se infiere (x) => x is number.
const numeros = valores.filter((x) => x !== null && x !== undefined);
// numeros: number[]

function esTexto(x: unknown) {
  return typeof x === "string"; // inferido: x is string
}

const mezcla: unknown[] = ["a", 1, "b"];
const textos = mezcla.filter(esTexto); // string[]
export { numeros, textos };
```

La inferencia solo se aplica si la función devuelve directamente una expresión booleana, no modifica el parámetro, y el caso `false` también es exacto (que devuelva `false` debe implicar que el valor no es del tipo)."""),

# ---------------------------------------------------------------- example
("example",
r"""Escribe una función que formatee un valor `string | number | Date` usando `typeof` e `instanceof`.""",
r"""`typeof` distingue los primitivos y `instanceof` distingue objetos creados con una clase. Combinados cubren los tres casos.

```ts
function formatear(valor: string | number | Date): string {
  if (typeof valor === "string") {
    return valor.trim();
  }
  if (typeof valor === "number") {
    return valor.toLocaleString("es-ES", { maximumFractionDigits: 2 });
  }
  // Aquí solo queda Date.
  return valor.toLocaleDateString("es-ES");
}

formatear("  hola ");               // "hola"
formatear(1234.567);                // "1234,57" (según entorno)
formatear(new Date(2024, 0, 15));   // "15/1/2024"
export {};
```

No hace falta el último `instanceof Date`: tras descartar `string` y `number`, el análisis de flujo sabe que solo queda `Date`."""),

("example",
r"""¿Cómo manejo errores de distintos tipos en un `catch` usando `instanceof`?""",
r"""En modo estricto, la variable del `catch` es `unknown`. Usa `instanceof` para distinguir tus clases de error y `Error` genérico, y trata el resto como valor desconocido.

```ts
class ErrorValidacion extends Error {
  constructor(public campo: string, mensaje: string) {
    super(mensaje);
  }
}

function procesar(entrada: string): number {
  if (entrada === "") throw new ErrorValidacion("entrada", "vacía");
  return JSON.parse(entrada) as number;
}

try {
  procesar("");
} catch (e) {
  if (e instanceof ErrorValidacion) {
    console.error(`Campo ${e.campo}: ${e.message}`);
  } else if (e instanceof Error) {
    console.error("Error inesperado:", e.message);
  } else {
    console.error("Se lanzó algo que no es un Error:", e);
  }
}
export {};
```

El orden importa: comprueba primero las subclases, porque un `ErrorValidacion` también es `instanceof Error`."""),

("example",
r"""Escribe un predicado de tipo que valide un objeto `unknown` recibido de una API.""",
r"""Comprueba paso a paso que el valor es un objeto, que tiene las propiedades y que son del tipo correcto. Al devolver `valor is Tipo`, el resto del código puede usarlo con seguridad.

```ts
interface Articulo {
  id: number;
  titulo: string;
  etiquetas: string[];
}

function esArticulo(valor: unknown): valor is Articulo {
  if (typeof valor !== "object" || valor === null) return false;
  const v = valor as Record<string, unknown>;
  return (
    typeof v.id === "number" &&
    typeof v.titulo === "string" &&
    Array.isArray(v.etiquetas) &&
    v.etiquetas.every((e) => typeof e === "string")
  );
}

const datos: unknown = JSON.parse('{"id":1,"titulo":"TS","etiquetas":["tipos"]}');
if (esArticulo(datos)) {
  console.log(datos.titulo.toUpperCase());
}
export {};
```

Para modelos grandes, las librerías de validación de esquemas generan estos predicados automáticamente."""),

("example",
r"""Muéstrame cómo eliminar `null` y `undefined` de un array con `filter`.""",
r"""Desde TypeScript 5.5, una función flecha que compara con `null` se infiere como predicado. Para versiones anteriores, o para reutilizarla, escribe un predicado genérico.

```ts
const notas = [7, null, 9, undefined, 5];

// TypeScript 5.5+: se infiere el predicado.
const validas = notas.filter((n) => n != null); // number[]

// Predicado reutilizable y explícito:
function definido<T>(valor: T | null | undefined): valor is T {
  return valor !== null && valor !== undefined;
}

const nombres = ["Ana", undefined, "Luis"].filter(definido); // string[]
const media = validas.reduce((a, b) => a + b, 0) / validas.length;
export { nombres, media };
```

No uses `filter(Boolean)` con la esperanza de estrechar: descarta también `0` y `""`, y `Boolean` no es un predicado de tipo, así que el resultado sigue incluyendo `null` y `undefined`."""),

("example",
r"""Escribe una función de aserción para validar la configuración al arrancar una aplicación.""",
r"""Una función `asserts` lanza un error si la configuración no es válida; si vuelve, el compilador sabe que los campos existen.

```ts
interface ConfigBruta {
  puerto?: string;
  dbUrl?: string;
}

interface ConfigValida {
  puerto: string;
  dbUrl: string;
}

function validarConfig(c: ConfigBruta): asserts c is ConfigValida {
  const faltan = (["puerto", "dbUrl"] as const).filter((k) => !c[k]);
  if (faltan.length > 0) {
    throw new Error(`Faltan variables: ${faltan.join(", ")}`);
  }
}

const config: ConfigBruta = { puerto: "8080", dbUrl: "postgres://localhost/app" };
validarConfig(config);
// A partir de aquí config es ConfigValida:
const puerto = Number.parseInt(config.puerto, 10);
export { puerto };
```

Validar al arrancar hace que los errores de configuración fallen pronto y con un mensaje claro."""),

("example",
r"""¿Cómo estrecho tipos con `switch (true)`?""",
r"""Desde TypeScript 5.3, cada `case` de un `switch (true)` estrecha igual que un `if`. Es una forma legible de encadenar condiciones de distinto tipo.

```ts
function describir(valor: string | number | boolean | null): string {
  switch (true) {
    case valor === null:
      return "nulo";
    case typeof valor === "string":
      return `texto: ${valor.toUpperCase()}`;
    case typeof valor === "number":
      return `número: ${valor.toFixed(2)}`;
    default:
      return `booleano: ${valor}`;
  }
}

describir("hola"); // "texto: HOLA"
describir(3);      // "número: 3.00"
describir(false);  // "booleano: false"
export {};
```

En versiones anteriores a 5.3 el código funcionaba en ejecución, pero el compilador no estrechaba `valor` dentro de cada caso."""),

("example",
r"""¿Cómo estrecho un parámetro que puede ser un elemento o un array con `Array.isArray`?""",
r"""`Array.isArray` es una guarda de tipos incorporada: en la rama verdadera el valor es un array, y en la falsa el resto de la unión.

```ts
interface Destinatario {
  email: string;
}

function enviar(destino: Destinatario | Destinatario[], asunto: string): number {
  if (Array.isArray(destino)) {
    destino.forEach((d) => console.log(`A ${d.email}: ${asunto}`));
    return destino.length;   // destino: Destinatario[]
  }
  console.log(`A ${destino.email}: ${asunto}`); // destino: Destinatario
  return 1;
}

enviar({ email: "a@ejemplo.es" }, "Hola");
enviar([{ email: "b@ejemplo.es" }, { email: "c@ejemplo.es" }], "Aviso");
export {};
```

Un detalle: con arrays de solo lectura (`readonly T[]`), `Array.isArray` no siempre estrecha bien; en ese caso se puede comprobar en la rama contraria o usar un predicado propio."""),

("example",
r"""Muéstrame cómo estrechar dentro de un bucle usando `continue` y retornos tempranos.""",
r"""El análisis de flujo entiende `continue`, `break` y `return`: tras ellos, el tipo queda estrechado para el resto de la iteración. Así se evitan bloques anidados.

```ts
type Linea = { tipo: "producto"; precio: number; cantidad: number } | { tipo: "comentario"; texto: string } | null;

function total(lineas: Linea[]): number {
  let suma = 0;
  for (const linea of lineas) {
    if (linea === null) continue;             // descarta null
    if (linea.tipo === "comentario") continue; // descarta comentarios
    suma += linea.precio * linea.cantidad;    // linea: producto
  }
  return suma;
}

total([
  { tipo: "producto", precio: 2, cantidad: 3 },
  { tipo: "comentario", texto: "sin azúcar" },
  null,
]); // 6
export {};
```

Este estilo de «cláusulas de guarda» mantiene el caso principal al nivel de indentación más bajo."""),

# ---------------------------------------------------------------- error_correction
("error_correction",
r"""Tengo `error TS18048: 'usuario' is possibly 'undefined'.` en este código:

```ts-error
interface Usuario {
  id: number;
  nombre: string;
}

function nombreDe(lista: Usuario[], id: number): string {
  const usuario = lista.find((u) => u.id === id);
  return usuario.nombre;
}
```""",
r"""`find` devuelve `Usuario | undefined`, porque puede no encontrar ningún elemento. Con `strictNullChecks`, no puedes leer `nombre` sin descartar antes `undefined`.

Estrecha el valor antes de usarlo:

```ts
interface Usuario {
  id: number;
  nombre: string;
}

function nombreDe(lista: Usuario[], id: number): string {
  const usuario = lista.find((u) => u.id === id);
  if (usuario === undefined) {
    throw new Error(`No existe el usuario ${id}`);
  }
  return usuario.nombre; // usuario: Usuario
}

// O, si hay un valor razonable por defecto:
function nombreOVacio(lista: Usuario[], id: number): string {
  return lista.find((u) => u.id === id)?.nombre ?? "";
}
export { nombreDe, nombreOVacio };
```

Decide si la ausencia es un error (lanzar) o un caso normal (valor por defecto); lo que no conviene es usar `usuario!.nombre` sin comprobar."""),

("error_correction",
r"""¿Por qué `typeof` no basta aquí? `error TS18047: 'datos' is possibly 'null'.`

```ts-error
function aTexto(datos: Date | string | null): string {
  if (typeof datos === "object") {
    return datos.toISOString();
  }
  return datos;
}
```""",
r"""En JavaScript, `typeof null` es `"object"`. Por eso, dentro del `if`, TypeScript mantiene `null` en el tipo: `datos` es `Date | null`, y `datos.toISOString()` fallaría en ejecución con `null`.

Descarta `null` de forma explícita:

```ts
function aTexto(datos: Date | string | null): string {
  if (datos === null) {
    return "";
  }
  if (typeof datos === "object") {
    return datos.toISOString(); // datos: Date
  }
  return datos;                 // datos: string
}

aTexto(new Date(0)); // "1970-01-01T00:00:00.000Z"
aTexto("ayer");      // "ayer"
aTexto(null);        // ""
export {};
```

También puedes combinar ambas comprobaciones: `if (typeof datos === "object" && datos !== null)`, o usar `datos instanceof Date`, que ya excluye `null`. Es uno de los despistes más comunes al estrechar con `typeof`."""),

("error_correction",
r"""Mi función comprueba el tipo, pero sigo teniendo `error TS18046: 'valor' is of type 'unknown'.`

```ts-error
function esNumero(x: unknown): boolean {
  return typeof x === "number";
}

function doble(valor: unknown): number {
  if (esNumero(valor)) {
    return valor * 2;
  }
  return 0;
}
```""",
r"""La función `esNumero` devuelve `boolean`, así que para el compilador es una función cualquiera: no sabe que `true` implica que el argumento es un número. El estrechamiento no pasa a través de funciones a menos que el tipo de retorno sea un predicado de tipo.

Declara el retorno como predicado:

```ts
function esNumero(x: unknown): x is number {
  return typeof x === "number";
}

function doble(valor: unknown): number {
  if (esNumero(valor)) {
    return valor * 2; // valor: number
  }
  return 0;
}

doble(21);    // 42
doble("21");  // 0
export {};
```

Desde TypeScript 5.5, el predicado se infiere si omites la anotación de retorno; el problema aquí es que `: boolean` explícito lo impide."""),

("error_correction",
r"""En un `catch` me sale `error TS18046: 'error' is of type 'unknown'.`

```ts-error
try {
  JSON.parse("{mal json}");
} catch (error) {
  console.error(error.message);
}
```""",
r"""Con `--strict` (opción `useUnknownInCatchVariables`), la variable del `catch` es `unknown`, porque en JavaScript se puede lanzar cualquier cosa: un `Error`, una cadena, un número. No puedes suponer que tiene `message`.

Estrecha antes de usarla:

```ts
function mensajeDe(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === "string") return error;
  return "Error desconocido";
}

try {
  JSON.parse("{mal json}");
} catch (error) {
  console.error(mensajeDe(error));
}
export {};
```

Una función auxiliar como `mensajeDe` evita repetir estas comprobaciones en cada `catch` del proyecto."""),

("error_correction",
r"""Tengo `error TS2693: 'Pedido' only refers to a type, but is being used as a value here.`

```ts-error
interface Pedido {
  id: number;
  total: number;
}

function esPedido(x: unknown): boolean {
  return x instanceof Pedido;
}
```""",
r"""`instanceof` necesita un constructor que exista en ejecución. Las interfaces desaparecen al compilar, así que `Pedido` solo es un tipo y no se puede usar como valor.

Comprueba la forma del objeto con un predicado de tipo:

```ts
interface Pedido {
  id: number;
  total: number;
}

function esPedido(x: unknown): x is Pedido {
  return (
    typeof x === "object" &&
    x !== null &&
    "id" in x &&
    typeof x.id === "number" &&
    "total" in x &&
    typeof x.total === "number"
  );
}

const dato: unknown = { id: 1, total: 25 };
if (esPedido(dato)) {
  console.log(dato.total);
}
export {};
```

Si prefieres usar `instanceof`, define `Pedido` como clase y crea los objetos con `new Pedido(...)`; los objetos literales o los que vienen de JSON no serán instancias."""),

("error_correction",
r"""¿Por qué esta comparación da error? `error TS2367: This comparison appears to be unintentional because the types '"bigint" | "boolean" | "function" | "number" | "object" | "string" | "symbol" | "undefined"' and '"array"' have no overlap.`

```ts-error
function tamano(x: string | string[]): number {
  if (typeof x === "array") {
    return x.length;
  }
  return 1;
}
```""",
r"""`typeof` solo devuelve ocho valores posibles, y `"array"` no es uno de ellos: para un array devuelve `"object"`. TypeScript conoce esa lista y detecta que la condición nunca será cierta.

Usa `Array.isArray` para detectar arrays:

```ts
function tamano(x: string | string[]): number {
  if (Array.isArray(x)) {
    return x.length; // x: string[]
  }
  return 1;          // x: string
}

tamano(["a", "b"]); // 2
tamano("a");        // 1
export {};
```

Del mismo modo, `typeof null` devuelve `"object"` y no hay un valor `"null"`: para `null` compara con `=== null`."""),

("error_correction",
r"""El estrechamiento se pierde dentro del callback: `error TS18047: 'seleccion' is possibly 'null'.`

```ts-error
declare function leerPreferencia(): string | null;
let seleccion = leerPreferencia();

function elegir(valor: string | null) {
  seleccion = valor;
}

if (seleccion !== null) {
  setTimeout(() => {
    console.log(seleccion.toUpperCase());
  }, 100);
}
```""",
r"""`seleccion` es una variable `let` que se reasigna en otra función. Cuando el callback se ejecute, 100 ms después, su valor puede haber cambiado a `null`, así que el compilador no conserva el estrechamiento dentro de la función flecha.

Copia el valor estrechado a una constante antes de crear el callback:

```ts
declare function leerPreferencia(): string | null;
let seleccion = leerPreferencia();

function elegir(valor: string | null) {
  seleccion = valor;
}

if (seleccion !== null) {
  const actual = seleccion; // actual: string, y no cambiará
  setTimeout(() => {
    console.log(actual.toUpperCase());
  }, 100);
}
elegir("rojo");
export {};
```

La constante deja claro qué valor usará el callback. Desde TypeScript 5.4 el estrechamiento se conserva en closures creadas tras la última asignación, pero no cuando otra función puede reasignar la variable, como aquí."""),

("error_correction",
r"""Me da `error TS2775: Assertions require every name in the call target to be declared with an explicit type annotation.`

```ts-error
const asegurarNumero = (v: unknown): asserts v is number => {
  if (typeof v !== "number") throw new TypeError("No es un número");
};

function cuadrado(x: unknown): number {
  asegurarNumero(x);
  return x * x;
}
```""",
r"""Para aplicar una aserción, el compilador necesita conocer el tipo de la función sin inferirlo. Una función flecha guardada en una `const` sin anotación de tipo se considera inferida, así que no sirve como aserción.

Declárala con `function` o anota explícitamente el tipo de la constante:

```ts
// 1. Declaración de función.
function asegurarNumero(v: unknown): asserts v is number {
  if (typeof v !== "number") throw new TypeError("No es un número");
}

// 2. Constante con tipo explícito.
type AsercionTexto = (v: unknown) => asserts v is string;
const asegurarTexto: AsercionTexto = (v) => {
  if (typeof v !== "string") throw new TypeError("No es un texto");
};

function cuadrado(x: unknown): number {
  asegurarNumero(x);
  return x * x; // x: number
}

function gritar(x: unknown): string {
  asegurarTexto(x);
  return x.toUpperCase();
}
export { cuadrado, gritar };
```"""),

# ---------------------------------------------------------------- comparison
("comparison",
r"""¿Cuándo uso `typeof` y cuándo `instanceof` para estrechar?""",
r"""- `typeof`: para primitivos (`string`, `number`, `boolean`, `bigint`, `symbol`, `undefined`) y para distinguir funciones. No distingue entre tipos de objetos: arrays, fechas y `null` dan `"object"`.
- `instanceof`: para objetos creados con una clase o constructor (`Date`, `Error`, `Map`, tus clases). No sirve con interfaces ni con objetos literales.

```ts
class Punto {
  constructor(public x: number, public y: number) {}
}

function tipoDe(v: number | string | Date | Punto | (() => void)): string {
  if (typeof v === "number") return "número";
  if (typeof v === "string") return "texto";
  if (typeof v === "function") return "función";
  if (v instanceof Date) return "fecha";
  return `punto (${v.x}, ${v.y})`; // solo queda Punto
}

tipoDe(new Date());
tipoDe(new Punto(1, 2));
export {};
```

Para tipos definidos con interfaces, usa `in`, una propiedad discriminante o un predicado de tipo."""),

("comparison",
r"""¿Qué diferencia hay entre un predicado de tipo (`x is T`) y una función de aserción (`asserts x is T`)?""",
r"""- Predicado (`x is T`): devuelve un booleano; se usa dentro de un `if` y el estrechamiento se aplica en la rama verdadera. Quien llama decide qué hacer si es falso.
- Aserción (`asserts x is T`): no devuelve nada útil; lanza si la condición falla. El estrechamiento se aplica a todo el código posterior a la llamada.

```ts
function esEmail(v: string): v is `${string}@${string}` {
  return v.includes("@");
}

function asegurarEmail(v: string): asserts v is `${string}@${string}` {
  if (!v.includes("@")) throw new Error(`Email no válido: ${v}`);
}

function conPredicado(entrada: string): string {
  if (esEmail(entrada)) return entrada; // rama verdadera
  return "sin email";
}

function conAsercion(entrada: string): string {
  asegurarEmail(entrada); // o lanza, o entrada queda estrechada
  return entrada;
}
conPredicado("a@b.es");
conAsercion("a@b.es");
export {};
```

Usa predicados cuando el caso negativo es normal, y aserciones cuando es un error que debe interrumpir la ejecución."""),

("comparison",
r"""¿Es mejor estrechar con el operador `in` o con una propiedad discriminante?""",
r"""- Propiedad discriminante (`tipo: "a"`): explícita, rápida para el compilador y con comprobación de exhaustividad en `switch`. Requiere diseñar los tipos con esa propiedad.
- Operador `in`: funciona con tipos que no comparten discriminante, como los que vienen de librerías. Pero depende de nombres de propiedades, y si una propiedad es opcional el estrechamiento es menos preciso.

```ts
// Con discriminante:
type Respuesta = { estado: "ok"; datos: string } | { estado: "error"; codigo: number };
function leer(r: Respuesta): string {
  return r.estado === "ok" ? r.datos : `Error ${r.codigo}`;
}

// Con in, para tipos ajenos sin discriminante:
interface Tarjeta {
  numero: string;
}
interface Transferencia {
  iban: string;
}
function cuenta(p: Tarjeta | Transferencia): string {
  return "iban" in p ? p.iban : p.numero;
}
leer({ estado: "ok", datos: "x" });
cuenta({ iban: "ES00" });
export {};
```

Si controlas el diseño de los tipos, añade un discriminante. Usa `in` para adaptarte a tipos que no controlas."""),

("comparison",
r"""¿Qué diferencia hay entre comprobar `!= null`, `!== undefined` y la veracidad con `if (x)`?""",
r"""- `x != null`: descarta `null` y `undefined` a la vez, y nada más.
- `x !== undefined`: descarta solo `undefined`; `null` sigue siendo posible.
- `if (x)`: descarta además `0`, `""`, `false` y `NaN`, que pueden ser valores válidos.

```ts
function mostrarCantidad(n: number | null | undefined): string {
  if (n != null) {
    return `Cantidad: ${n}`; // incluye el 0
  }
  return "sin dato";
}

function mostrarMal(n: number | null | undefined): string {
  if (n) {
    return `Cantidad: ${n}`;
  }
  return "sin dato"; // ¡el 0 acaba aquí!
}

function soloUndefined(s: string | null | undefined): string | null {
  return s !== undefined ? s : "por defecto"; // s aún puede ser null
}

mostrarCantidad(0); // "Cantidad: 0"
mostrarMal(0);      // "sin dato"
export { soloUndefined };
```

Para números y cadenas, prefiere `!= null` o el operador `??`, que también trata solo `null` y `undefined`."""),

("comparison",
r"""¿Qué diferencia hay entre usar el operador `!` (non-null assertion) y estrechar de verdad?""",
r"""- `x!` le dice al compilador «esto no es `null` ni `undefined`», sin comprobar nada en ejecución. Si te equivocas, el error aparece después, lejos del origen.
- Estrechar (con `if`, `??`, `?.`) comprueba el valor en ejecución y maneja el caso de ausencia.

```ts
const mapa = new Map<string, number>([["a", 1]]);

// Con !: compila, pero si la clave no existe tendrás NaN sin aviso.
const arriesgado = mapa.get("b")! + 1;

// Estrechando: el caso de ausencia queda tratado.
const valor = mapa.get("b");
const seguro = valor !== undefined ? valor + 1 : 0;

// O con fusión nula:
const corto = (mapa.get("b") ?? 0) + 1;
export { arriesgado, seguro, corto };
```

Reserva `!` para casos en los que sabes algo que el compilador no puede deducir (por ejemplo, justo después de un `mapa.has(clave)`), y aun así considera si una comprobación real sería más clara."""),

("comparison",
r"""¿Qué diferencia hay entre estrechar un tipo y usar una aserción `as`?""",
r"""- Estrechar: el compilador deduce el tipo a partir de una comprobación real en ejecución. Si la comprobación cambia, el tipo cambia con ella.
- `as`: tú afirmas el tipo sin comprobar nada. Si la afirmación es falsa, el error aparecerá en ejecución.

```ts
function longitudAs(v: unknown): number {
  return (v as string).length; // compila; con 42 devuelve undefined
}

function longitud(v: unknown): number {
  if (typeof v === "string") {
    return v.length;           // estrechado de verdad
  }
  throw new TypeError("Se esperaba un texto");
}

longitudAs(42); // undefined en ejecución, aunque el tipo diga number
longitud("abc"); // 3
export {};
```

Prefiere siempre estrechar. Usa `as` solo cuando tienes información que el compilador no puede conocer, como el tipo de un elemento del DOM obtenido por su id, y mantén esas aserciones en pocos sitios."""),

("comparison",
r"""¿Es mejor estrechar con `switch` o con cadenas de `if/else`?""",
r"""Ambos estrechan igual. La diferencia es de legibilidad y de ayudas del compilador:

- `switch` sobre un discriminante: compacto cuando hay muchas variantes, y el compilador sabe si cubre todas (sin `default`, la función sigue siendo válida si es exhaustiva).
- `if/else`: más flexible para condiciones de distinto tipo (`typeof`, `in`, rangos).

```ts
type Nota = { tipo: "texto"; cuerpo: string } | { tipo: "lista"; items: string[] } | { tipo: "enlace"; url: string };

function resumen(n: Nota): string {
  switch (n.tipo) {
    case "texto":
      return n.cuerpo.slice(0, 20);
    case "lista":
      return `${n.items.length} elementos`;
    case "enlace":
      return n.url;
  }
}

function categoria(edad: number | null): string {
  if (edad === null) return "desconocida";
  else if (edad < 18) return "menor";
  else return "adulta";
}
resumen({ tipo: "lista", items: [] });
categoria(30);
export {};
```

Regla práctica: `switch` para discriminantes, `if` para condiciones heterogéneas."""),

("comparison",
r"""¿Qué diferencia hay entre `Array.isArray(x)` y `x instanceof Array` para estrechar?""",
r"""Ambos estrechan a array en TypeScript, pero en ejecución se comportan distinto:

- `Array.isArray` funciona con arrays creados en otro contexto (un `iframe`, otro *realm* o un worker), y es la forma recomendada.
- `instanceof Array` compara con el constructor `Array` del contexto actual, y falla con arrays de otros contextos.

```ts
function aLista(v: string | string[]): string[] {
  if (Array.isArray(v)) {
    return v;   // v: string[]
  }
  return [v];
}

function aListaInstanceof(v: string | string[]): string[] {
  if (v instanceof Array) {
    return v;   // también estrecha, pero es menos robusto
  }
  return [v];
}

aLista("a");
aListaInstanceof(["a"]);
export {};
```

Además, `Array.isArray` expresa mejor la intención. En código normal, usa siempre `Array.isArray`."""),

# ---------------------------------------------------------------- complexity
("complexity",
r"""¿Qué límites tiene el análisis de flujo de control de TypeScript?""",
r"""El análisis es local y conservador, para mantenerse rápido:

- No sigue llamadas a funciones: una función que devuelve `boolean` no estrecha nada (salvo que sea un predicado).
- Se invalida con reasignaciones: si una variable `let` puede cambiar en otra función, los callbacks no conservan el estrechamiento.
- No relaciona variables independientes: comprobar `a` no estrecha `b`, aunque estén relacionadas lógicamente (salvo destructuraciones de uniones discriminadas).
- Los efectos de las llamadas no se ven: tras llamar a un método, se asume que las propiedades estrechadas siguen igual.

```ts
function procesar(valor: string | null, tieneValor: boolean): number {
  // if (tieneValor) return valor.length; // error: no relaciona ambas variables
  if (valor !== null) return valor.length; // correcto: comprueba la variable
  return tieneValor ? -1 : 0;
}

const obj: { dato: string | null } = { dato: "x" };
if (obj.dato !== null) {
  // Se asume que sigue sin ser null, aunque una llamada pudiera cambiarlo.
  console.log(obj.dato.length);
}
procesar(null, false);
export {};
```

Estas reglas equilibran seguridad y coste: un análisis completo entre funciones sería demasiado lento."""),

("complexity",
r"""¿Afecta al rendimiento del compilador estrechar uniones muy grandes con muchas condiciones?""",
r"""Sí, algo. Cada comprobación crea un nuevo tipo estrechado filtrando la unión, y en funciones muy largas con muchas ramas el compilador tiene que combinar los tipos de todos los caminos en cada punto de unión. Con uniones de cientos de miembros y funciones de cientos de líneas, esto se nota en el editor.

Con uniones discriminadas por literales, el filtrado es rápido. Con comprobaciones estructurales (`in`, predicados) sobre muchos miembros, es más caro.

```ts
type Evento = { tipo: "a"; v: number } | { tipo: "b"; s: string };

// Mejor: funciones pequeñas, una por caso, y un despacho sencillo.
const manejarA = (e: Extract<Evento, { tipo: "a" }>) => e.v;
const manejarB = (e: Extract<Evento, { tipo: "b" }>) => e.s.length;

function manejar(e: Evento): number {
  switch (e.tipo) {
    case "a": return manejarA(e);
    case "b": return manejarB(e);
  }
}
manejar({ tipo: "b", s: "hola" });
export {};
```

Dividir en funciones pequeñas mejora a la vez el rendimiento y la legibilidad."""),

("complexity",
r"""¿Tienen coste en tiempo de ejecución los type guards? ¿Compensa validar todo?""",
r"""Sí: a diferencia de los tipos, un predicado de tipo es código real que se ejecuta. Una comprobación `typeof` cuesta casi nada, pero validar en profundidad un objeto grande o un array de miles de elementos en cada llamada sí puede notarse.

La estrategia habitual es validar una sola vez, en la frontera (datos de red, archivos, entrada del usuario), y después confiar en los tipos dentro del programa.

```ts
interface Medida {
  sensor: string;
  valor: number;
}

function esMedida(v: unknown): v is Medida {
  return (
    typeof v === "object" && v !== null &&
    "sensor" in v && typeof v.sensor === "string" &&
    "valor" in v && typeof v.valor === "number"
  );
}

// Frontera: se valida al recibir.
function recibir(json: string): Medida[] {
  const datos: unknown = JSON.parse(json);
  return Array.isArray(datos) ? datos.filter(esMedida) : [];
}

// Interior: no hace falta volver a validar.
const media = (ms: Medida[]) => ms.reduce((s, m) => s + m.valor, 0) / ms.length;
media(recibir('[{"sensor":"t1","valor":20}]'));
export {};
```"""),
]
