"""Filas del tema «genericos»: (categoría, instrucción, respuesta)."""

TOPIC = "genericos"

ROWS = [
# ---------------------------------------------------------------- definition
("definition",
r"""¿Qué son los genéricos en TypeScript?""",
r"""Los genéricos son parámetros de tipo: permiten escribir funciones, clases o tipos que funcionan con muchos tipos distintos sin perder la información de cuál se está usando. Se declaran entre ángulos, normalmente con nombres como `T`.

```ts
function ultimo<T>(lista: T[]): T | undefined {
  return lista[lista.length - 1];
}

const n = ultimo([1, 2, 3]);        // number | undefined
const s = ultimo(["a", "b"]);       // string | undefined
const d = ultimo<Date>([new Date()]); // tipo indicado explícitamente
export { n, s, d };
```

Sin genéricos tendrías que elegir entre escribir una función por tipo o usar `any` y perder la comprobación. Con `T`, el compilador relaciona la entrada con la salida: si pasas números, recibes un número."""),

("definition",
r"""¿Qué es una restricción (`extends`) en un parámetro genérico?""",
r"""Una restricción limita qué tipos puede recibir un parámetro genérico. Con `T extends X`, solo se aceptan tipos asignables a `X`, y dentro de la función puedes usar todo lo que `X` garantiza.

```ts
interface ConLongitud {
  length: number;
}

function masLargo<T extends ConLongitud>(a: T, b: T): T {
  return a.length >= b.length ? a : b; // length está garantizado
}

masLargo("hola", "adiós");     // string
masLargo([1, 2], [1, 2, 3]);   // number[]
// masLargo(10, 20);           // error: number no tiene length
export {};
```

La función sigue devolviendo el tipo exacto recibido (`string`, `number[]`), no solo `ConLongitud`. Esa es la diferencia con declarar el parámetro directamente como `ConLongitud`."""),

("definition",
r"""¿Qué es un valor por defecto en un parámetro de tipo genérico?""",
r"""Igual que los parámetros de funciones, los parámetros de tipo pueden tener un tipo por defecto con `= Tipo`. Se usa cuando no se indica el argumento de tipo y no se puede inferir.

```ts
interface Respuesta<T = unknown, E = string> {
  datos?: T;
  error?: E;
}

const sinTipo: Respuesta = { datos: 42 };           // T = unknown
const conTipo: Respuesta<number[]> = { datos: [1] }; // E = string por defecto
const completa: Respuesta<string, Error> = { error: new Error("fallo") };

class Cache<V = string> {
  private datos = new Map<string, V>();
  poner(clave: string, valor: V): void {
    this.datos.set(clave, valor);
  }
}
new Cache().poner("a", "texto"); // V = string
export { sinTipo, conTipo, completa };
```

Los parámetros con valor por defecto deben ir después de los obligatorios, y el valor por defecto debe cumplir la restricción si la hay."""),

("definition",
r"""¿Cómo infiere TypeScript los argumentos de tipo de una función genérica?""",
r"""Al llamar a una función genérica, el compilador mira los argumentos y deduce qué tipo debe ocupar cada parámetro de tipo para que la llamada sea válida. Por eso rara vez hace falta escribir `<Tipo>` al llamar.

```ts
function par<A, B>(a: A, b: B): [A, B] {
  return [a, b];
}

const p = par("edad", 30); // A = string, B = number → [string, number]

function aplicar<T, R>(valor: T, fn: (v: T) => R): R {
  return fn(valor);
}

// T se infiere de 5; R, del retorno del callback.
const texto = aplicar(5, (n) => n.toFixed(1)); // string
export { p, texto };
```

Si la inferencia da un tipo demasiado amplio o no puede deducirlo (por ejemplo, `new Map()` sin argumentos), indica el tipo explícitamente: `new Map<string, number>()`."""),

("definition",
r"""¿Qué son los tipos condicionales?""",
r"""Un tipo condicional elige entre dos tipos según una condición sobre tipos, con la sintaxis `T extends U ? X : Y`: si `T` es asignable a `U`, el resultado es `X`; si no, `Y`.

```ts
type EsTexto<T> = T extends string ? "sí" : "no";

type A = EsTexto<"hola">; // "sí"
type B = EsTexto<42>;     // "no"

// Útil para que el retorno dependa del argumento:
type Salida<T> = T extends number ? string : number;

function convertir<T extends number | string>(v: T): Salida<T> {
  return (typeof v === "number" ? String(v) : v.length) as Salida<T>;
}

const s = convertir(10);     // string
const n = convertir("hola"); // number
const a: A = "sí";
const b: B = "no";
export { s, n, a, b };
```

Cuando `T` es una unión, el condicional se aplica a cada miembro por separado (es distributivo)."""),

("definition",
r"""¿Qué hace la palabra clave `infer` en un tipo condicional?""",
r"""`infer` declara una variable de tipo dentro de la condición de un tipo condicional. Si la condición se cumple, esa variable captura la parte correspondiente del tipo y puedes usarla en la rama verdadera.

```ts
// Extrae el tipo que envuelve una promesa.
type Contenido<T> = T extends Promise<infer V> ? V : T;

type A = Contenido<Promise<number>>; // number
type B = Contenido<string>;          // string

// Extrae el primer parámetro de una función.
type PrimerArg<F> = F extends (primero: infer P, ...resto: any[]) => any ? P : never;

type C = PrimerArg<(id: number, nombre: string) => void>; // number

const a: A = 1;
const b: B = "x";
const c: C = 7;
export { a, b, c };
```

Muchos tipos de utilidad integrados, como `ReturnType`, `Parameters` o `Awaited`, están construidos con `infer`."""),

("definition",
r"""¿Qué es un tipo mapeado genérico?""",
r"""Un tipo mapeado crea un tipo nuevo recorriendo las claves de otro con `[K in keyof T]` y transformando cada propiedad. Al hacerlo genérico, la transformación sirve para cualquier tipo.

```ts
// Convierte cada propiedad en una función que devuelve su valor.
type Getters<T> = {
  [K in keyof T as `get${Capitalize<string & K>}`]: () => T[K];
};

// Hace todas las propiedades anulables.
type Anulable<T> = { [K in keyof T]: T[K] | null };

interface Persona {
  nombre: string;
  edad: number;
}

const g: Getters<Persona> = {
  getNombre: () => "Sara",
  getEdad: () => 31,
};
const p: Anulable<Persona> = { nombre: null, edad: 31 };
export { g, p };
```

La cláusula `as` (TypeScript 4.1) permite renombrar claves. `Partial`, `Readonly` y `Record` son tipos mapeados de la librería estándar."""),

("definition",
r"""¿Qué hace el modificador `const` en un parámetro de tipo genérico?""",
r"""Desde TypeScript 5.0, escribir `<const T>` hace que la inferencia trate el argumento como si llevara `as const`: conserva los literales y las tuplas en lugar de ensancharlos a `string` o `string[]`.

```ts
function rutas<const T extends readonly string[]>(lista: T): T {
  return lista;
}

function rutasNormal<T extends readonly string[]>(lista: T): T {
  return lista;
}

const a = rutas(["/inicio", "/perfil"]);
// readonly ["/inicio", "/perfil"]

const b = rutasNormal(["/inicio", "/perfil"]);
// string[]

type Ruta = (typeof a)[number]; // "/inicio" | "/perfil"
const r: Ruta = "/perfil";
export { b, r };
```

Así quien llama no necesita escribir `as const`. La restricción con `readonly` permite aceptar tanto tuplas de solo lectura como arrays normales."""),

# ---------------------------------------------------------------- example
("example",
r"""Escribe una clase genérica `Pila<T>`.""",
r"""El parámetro de tipo de la clase se usa en sus propiedades y métodos. Cada instancia fija el tipo de sus elementos.

```ts
class Pila<T> {
  private elementos: T[] = [];

  apilar(elemento: T): void {
    this.elementos.push(elemento);
  }

  desapilar(): T | undefined {
    return this.elementos.pop();
  }

  cima(): T | undefined {
    return this.elementos[this.elementos.length - 1];
  }

  get tamano(): number {
    return this.elementos.length;
  }
}

const numeros = new Pila<number>();
numeros.apilar(1);
numeros.apilar(2);
const arriba = numeros.desapilar(); // number | undefined
// numeros.apilar("3"); // error: string no es number
export { arriba };
```

Los métodos devuelven `T | undefined` porque la pila puede estar vacía."""),

("example",
r"""¿Cómo escribo una función genérica que lea una propiedad de un objeto de forma segura?""",
r"""Usa dos parámetros de tipo: `T` para el objeto y `K extends keyof T` para la clave. El retorno `T[K]` es el tipo exacto de esa propiedad.

```ts
function propiedad<T, K extends keyof T>(obj: T, clave: K): T[K] {
  return obj[clave];
}

const pelicula = { titulo: "Volver", anio: 2006, premios: ["Cannes"] };

const t = propiedad(pelicula, "titulo");  // string
const a = propiedad(pelicula, "anio");    // number
const p = propiedad(pelicula, "premios"); // string[]
// propiedad(pelicula, "duracion");       // error: no es una clave
export { t, a, p };
```

La restricción `K extends keyof T` hace que el editor autocomplete las claves válidas y que las erratas se detecten al compilar."""),

("example",
r"""Dame un ejemplo de función genérica que actualice entidades con un campo `id`.""",
r"""Restringe el genérico a tipos que tengan `id`. La función funciona con cualquier entidad y conserva su tipo completo.

```ts
interface ConId {
  id: number;
}

function reemplazar<T extends ConId>(lista: T[], actualizado: T): T[] {
  return lista.map((e) => (e.id === actualizado.id ? actualizado : e));
}

interface Tarea extends ConId {
  titulo: string;
  hecha: boolean;
}

const tareas: Tarea[] = [
  { id: 1, titulo: "Escribir", hecha: false },
  { id: 2, titulo: "Revisar", hecha: false },
];

const nuevas = reemplazar(tareas, { id: 2, titulo: "Revisar", hecha: true });
nuevas[1].hecha; // el resultado sigue siendo Tarea[]
export {};
```

Si la función recibiera `ConId[]` en vez de `T[]`, devolvería `ConId[]` y perderías el acceso a `titulo` y `hecha`."""),

("example",
r"""Escribe una función genérica `agruparPor`.""",
r"""La función recibe una lista y una función que calcula la clave de cada elemento. El resultado es un objeto cuyas claves son esas claves y cuyos valores son listas del tipo original.

```ts
function agruparPor<T, K extends PropertyKey>(
  lista: readonly T[],
  clave: (elemento: T) => K,
): Partial<Record<K, T[]>> {
  const grupos: Partial<Record<K, T[]>> = {};
  for (const elemento of lista) {
    const k = clave(elemento);
    (grupos[k] ??= []).push(elemento);
  }
  return grupos;
}

const ventas = [
  { region: "norte", total: 10 },
  { region: "sur", total: 5 },
  { region: "norte", total: 7 },
] as const;

const porRegion = agruparPor(ventas, (v) => v.region);
// Partial<Record<"norte" | "sur", ...>>
console.log(porRegion.norte?.length); // 2
export {};
```

`PropertyKey` equivale a `string | number | symbol`, los tipos válidos como clave. `Partial` refleja que un grupo puede no existir."""),

("example",
r"""Muéstrame cómo obtener el tipo de los elementos de un array con un tipo condicional e `infer`.""",
r"""Combina un tipo condicional con `infer` para capturar el tipo de los elementos. Si el tipo no es un array, devuelve el tipo original.

```ts
type ElementoDe<T> = T extends readonly (infer E)[] ? E : T;

type A = ElementoDe<string[]>;                 // string
type B = ElementoDe<readonly [1, "dos"]>;      // 1 | "dos"
type C = ElementoDe<number>;                   // number

// Aplicado a un valor real:
const usuarios = [{ nombre: "Leo", admin: false }];
type Usuario = ElementoDe<typeof usuarios>;    // { nombre: string; admin: boolean }

function crearUsuario(nombre: string): Usuario {
  return { nombre, admin: false };
}
const a: A = "x";
const b: B = "dos";
const c: C = 3;
export { crearUsuario, a, b, c };
```

El `readonly` en la condición permite que funcione también con tuplas y arrays de solo lectura. Para arrays normales hay un atajo: `(typeof usuarios)[number]`."""),

("example",
r"""¿Cómo declaro una función flecha genérica?""",
r"""Pon los parámetros de tipo delante de la lista de parámetros. También puedes tipar la variable con un tipo función genérico.

```ts
// Función flecha genérica:
const envolver = <T>(valor: T): { valor: T } => ({ valor });

// Con restricción:
const clonar = <T extends object>(obj: T): T => ({ ...obj });

// Tipo función genérico para la variable:
type Transformar = <E>(lista: E[], fn: (e: E) => E) => E[];
const transformar: Transformar = (lista, fn) => lista.map(fn);

envolver(42);                              // { valor: number }
clonar({ a: 1 });                          // { a: number }
transformar([1, 2], (n) => n * 10);        // number[]
export {};
```

En archivos `.tsx`, `<T>(...)` puede confundirse con una etiqueta JSX; ahí se escribe `<T,>(valor: T) => ...` o se añade una restricción, como `<T extends unknown>`."""),

("example",
r"""Escribe una función genérica que transforme todos los valores de un objeto manteniendo sus claves.""",
r"""Usa un tipo mapeado en el retorno para conservar las claves exactas del objeto de entrada.

```ts
function mapearValores<T extends object, R>(
  obj: T,
  fn: (valor: T[keyof T], clave: keyof T) => R,
): { [K in keyof T]: R } {
  const resultado = {} as { [K in keyof T]: R };
  for (const clave of Object.keys(obj) as (keyof T)[]) {
    resultado[clave] = fn(obj[clave], clave);
  }
  return resultado;
}

const precios = { cafe: 1.2, te: 1.5, zumo: 2.8 };
const conIva = mapearValores(precios, (p) => Math.round(p * 121) / 100);
// { cafe: number; te: number; zumo: number }

const etiquetas = mapearValores(precios, (p, k) => `${String(k)}: ${p} €`);
etiquetas.te; // string
export { conIva };
```

La aserción `as` en el objeto inicial es necesaria porque empieza vacío y se rellena en el bucle."""),

("example",
r"""Muéstrame una interfaz genérica para un repositorio de datos.""",
r"""Una interfaz genérica define las operaciones comunes una vez. Cada implementación fija el tipo de entidad y el tipo de su identificador.

```ts
interface Repositorio<T, Id = number> {
  obtener(id: Id): Promise<T | undefined>;
  listar(): Promise<T[]>;
  guardar(entidad: T): Promise<void>;
}

interface Producto {
  sku: string;
  nombre: string;
}

class RepositorioProductos implements Repositorio<Producto, string> {
  private datos = new Map<string, Producto>();

  async obtener(sku: string): Promise<Producto | undefined> {
    return this.datos.get(sku);
  }
  async listar(): Promise<Producto[]> {
    return [...this.datos.values()];
  }
  async guardar(p: Producto): Promise<void> {
    this.datos.set(p.sku, p);
  }
}

const repo: Repositorio<Producto, string> = new RepositorioProductos();
void repo.guardar({ sku: "A-1", nombre: "Lámpara" });
export {};
```

El segundo parámetro de tipo tiene `number` por defecto, así que `Repositorio<Cliente>` sería suficiente si el id es numérico."""),

("example",
r"""Escribe un tipo genérico que haga opcionales solo algunas propiedades.""",
r"""Combina `Omit`, `Pick` y `Partial` en un alias genérico: quitas las claves elegidas, las vuelves a añadir como opcionales y unes ambas partes.

```ts
type Opcionales<T, K extends keyof T> = Omit<T, K> & Partial<Pick<T, K>>;

interface Articulo {
  id: number;
  titulo: string;
  resumen: string;
  publicado: boolean;
}

// Al crear, el id y el estado de publicación pueden faltar.
type NuevoArticulo = Opcionales<Articulo, "id" | "publicado">;

function crear(datos: NuevoArticulo): Articulo {
  return { id: Date.now(), publicado: false, ...datos };
}

crear({ titulo: "Genéricos", resumen: "Introducción" });
export {};
```

La restricción `K extends keyof T` impide pasar nombres de propiedad que no existen."""),

# ---------------------------------------------------------------- error_correction
("error_correction",
r"""¿Por qué falla esta función genérica? `error TS2339: Property 'length' does not exist on type 'T'.`

```ts-error
function medir<T>(valor: T): number {
  return valor.length;
}
```""",
r"""Un parámetro de tipo sin restricción puede ser cualquier cosa, incluido un número o `null`, así que el compilador no garantiza que tenga `length`.

Restringe `T` a tipos que tengan esa propiedad:

```ts
function medir<T extends { length: number }>(valor: T): number {
  return valor.length;
}

medir("hola");    // 4
medir([1, 2, 3]); // 3
// medir(10);     // error: number no tiene length
export {};
```

Aquí, además, el genérico no aporta nada: `T` solo aparece en un parámetro y no se relaciona con el retorno. Una firma más simple es igual de segura:

```ts
export function medir(valor: { length: number }): number {
  return valor.length;
}
```

Regla útil: si un parámetro de tipo aparece una sola vez en la firma, probablemente no lo necesitas."""),

("error_correction",
r"""Me sale `error TS2322: Type '{}' is not assignable to type 'T'.` en este código:

```ts-error
function vacio<T>(): T {
  return {};
}
```""",
r"""Quien llama decide qué es `T`: podría ser `number`, `string[]` o una interfaz con propiedades obligatorias. Un objeto vacío no es válido para todos esos tipos, así que la función no puede prometer que devuelve un `T` cualquiera.

Opciones según la intención:

```ts
// 1. Pedir a quien llama una fábrica que sepa crear T.
function crear<T>(fabrica: () => T): T {
  return fabrica();
}
const lista = crear(() => [] as string[]);

// 2. Si el objeto empieza vacío y se rellena, devolver un Partial.
function borrador<T extends object>(): Partial<T> {
  return {};
}
interface Perfil {
  nombre: string;
  edad: number;
}
const p = borrador<Perfil>(); // Partial<Perfil>
p.nombre = "Álex";
export { lista };
```

Evita `return {} as T`: compila, pero engaña al compilador."""),

("error_correction",
r"""Este código da `error TS2345: Argument of type '"telefono"' is not assignable to parameter of type 'keyof Cliente'.`

```ts-error
interface Cliente {
  id: number;
  nombre: string;
}

function valor<T, K extends keyof T>(obj: T, clave: K): T[K] {
  return obj[clave];
}

const c: Cliente = { id: 1, nombre: "Raúl" };
valor(c, "telefono");
```""",
r"""La restricción `K extends keyof T` funciona como debe: `"telefono"` no es una clave de `Cliente`, que solo tiene `id` y `nombre`. El error detecta una errata o un campo que falta en el tipo.

Usa una clave existente o, si el cliente puede tener teléfono, añádelo al tipo:

```ts
interface Cliente {
  id: number;
  nombre: string;
  telefono?: string;
}

function valor<T, K extends keyof T>(obj: T, clave: K): T[K] {
  return obj[clave];
}

const c: Cliente = { id: 1, nombre: "Raúl" };
const nombre = valor(c, "nombre");     // string
const tel = valor(c, "telefono");      // string | undefined
export { nombre, tel };
```

Al ser opcional, el tipo devuelto incluye `undefined` y tendrás que comprobarlo antes de usarlo."""),

("error_correction",
r"""¿Por qué no puedo asignar este valor? `error TS2322: Type 'number' is not assignable to type 'string'.`

```ts-error
class Caja<T> {
  constructor(public contenido: T) {}
}

const caja = new Caja("libros");
caja.contenido = 12;
```""",
r"""Al crear la caja con `"libros"`, TypeScript infiere `T = string`. A partir de ahí, `contenido` es de tipo `string` para esa instancia, y no admite un número.

Si la caja debe admitir ambos tipos, indícalo al crearla; si no, usa otra instancia:

```ts
class Caja<T> {
  constructor(public contenido: T) {}
}

// 1. Declarar el tipo explícitamente.
const caja = new Caja<string | number>("libros");
caja.contenido = 12; // correcto

// 2. Mantener tipos separados.
const cajaTexto = new Caja("libros");
const cajaNumero = new Caja(12);
export { cajaTexto, cajaNumero };
```

Los genéricos fijan el tipo al instanciar: esa es precisamente la garantía que dan."""),

("error_correction",
r"""Tengo `error TS2345: Argument of type 'number' is not assignable to parameter of type 'string | any[]'.`

```ts-error
function primeros<T extends string | any[]>(valor: T, n: number): T {
  return valor.slice(0, n) as T;
}

primeros(123456, 3);
```""",
r"""La restricción `T extends string | any[]` solo admite cadenas o arrays, y `123456` es un número. El compilador rechaza la llamada antes de ejecutar nada, lo cual es correcto: los números no tienen `slice`.

Convierte el número antes de llamar, o amplía la función para aceptar números explícitamente:

```ts
function primeros<T extends string | unknown[]>(valor: T, n: number): T {
  return valor.slice(0, n) as T;
}

primeros(String(123456), 3); // "123"
primeros([1, 2, 3, 4], 2);   // [1, 2]

function primerosDigitos(valor: number, n: number): number {
  return Number(String(valor).slice(0, n));
}
primerosDigitos(123456, 3);  // 123
export {};
```

También se ha cambiado `any[]` por `unknown[]` en la restricción, que es igual de flexible y más seguro."""),

("error_correction",
r"""¿Qué está mal aquí? `error TS2304: Cannot find name 'E'.`

```ts-error
type Elemento<T> = T extends Array<E> ? E : never;
```""",
r"""En un tipo condicional no puedes usar una variable de tipo que no hayas declarado. Para capturar el tipo de los elementos hay que introducir la variable con `infer`.

```ts
type Elemento<T> = T extends Array<infer E> ? E : never;

type A = Elemento<string[]>;          // string
type B = Elemento<(number | null)[]>; // number | null
type C = Elemento<boolean>;           // never

const a: A = "ok";
const b: B = null;
export { a, b };
export type { C };
```

`infer E` le dice al compilador: «si `T` encaja con `Array<algo>`, llama `E` a ese algo». Solo se puede usar en la parte `extends` de un tipo condicional, y la variable solo existe en la rama verdadera."""),

("error_correction",
r"""Me aparece `error TS2314: Generic type 'Map<K, V>' requires 2 type argument(s).`

```ts-error
const contadores: Map<string> = new Map();
contadores.set("visitas", 1);
```""",
r"""`Map` tiene dos parámetros de tipo obligatorios: el de las claves y el de los valores. Al escribir solo `Map<string>`, falta el tipo de los valores.

Indica ambos:

```ts
const contadores: Map<string, number> = new Map();
contadores.set("visitas", 1);

// O deja que se infiera del constructor:
const otros = new Map<string, number>();
otros.set("clics", 0);

// O pasa datos iniciales y el compilador los deduce:
const iniciales = new Map([["errores", 0]]); // Map<string, number>
export { iniciales };
```

Lo mismo ocurre con cualquier genérico sin valores por defecto: `Record` también exige dos argumentos, mientras que `Promise` o `Array` exigen uno."""),

("error_correction",
r"""¿Por qué el compilador rechaza este retorno? `error TS2322: Type '"" | T' is not assignable to type 'T'.`

```ts-error
function valorPorDefecto<T extends string | number>(valor: T | undefined): T {
  return valor ?? "";
}
```""",
r"""La expresión `valor ?? ""` tiene tipo `"" | T`. Pero `T` puede ser un tipo más concreto que `string`, como el literal `"sí"` o `number`, y la cadena vacía no es válida para todos esos tipos, así que el resultado no se puede devolver como `T`.

Pide el valor por defecto a quien llama, que sí sabe qué es `T`:

```ts
function valorPorDefecto<T extends string | number>(valor: T | undefined, porDefecto: T): T {
  return valor ?? porDefecto;
}

type Talla = "S" | "M" | "L";
let elegida: Talla | undefined;

const talla = valorPorDefecto(elegida, "M"); // Talla
const cantidad = valorPorDefecto<number>(undefined, 1); // number
export { talla, cantidad };
```

Si realmente la función siempre usa `""` como respaldo, no necesita ser genérica: declara `(valor: string | undefined): string`."""),

# ---------------------------------------------------------------- comparison
("comparison",
r"""¿Qué diferencia hay entre usar un genérico y usar `any`?""",
r"""Ambos aceptan cualquier tipo, pero `any` pierde la información y desactiva la comprobación, mientras que un genérico la conserva y relaciona entradas con salidas.

```ts
function identidadAny(x: any): any {
  return x;
}

function identidad<T>(x: T): T {
  return x;
}

const a = identidadAny("hola"); // any: cualquier uso compila
a.metodoInventado();            // fallará en ejecución

const b = identidad("hola");    // "hola": tipo preciso
b.toUpperCase();                // correcto
// b.metodoInventado();         // error de compilación
export {};
```

Con genéricos obtienes flexibilidad y seguridad. Usa `any` solo cuando de verdad no puedes describir el tipo, y en la frontera con código no tipado."""),

("comparison",
r"""¿Cuándo usar genéricos y cuándo sobrecargas de funciones?""",
r"""- Genéricos: cuando la misma lógica sirve para cualquier tipo y el retorno se relaciona con la entrada de forma uniforme (`T` entra, `T` sale).
- Sobrecargas: cuando hay un número pequeño de combinaciones concretas con comportamientos distintos.

```ts
// Genérico: funciona igual para cualquier T.
function duplicar<T>(x: T): [T, T] {
  return [x, x];
}

// Sobrecargas: dos casos concretos con retornos distintos.
function leer(clave: "edad"): number;
function leer(clave: "nombre"): string;
function leer(clave: "edad" | "nombre"): number | string {
  return clave === "edad" ? 30 : "Lola";
}

const par = duplicar(true); // [boolean, boolean]
const edad = leer("edad");  // number
export { par, edad };
```

Si necesitas muchas sobrecargas que siguen un patrón, suele ser señal de que un genérico con un tipo condicional o un mapa de tipos lo expresa mejor."""),

("comparison",
r"""¿Qué diferencia hay entre `function f(x: string | number)` y `function f<T extends string | number>(x: T)`?""",
r"""Ambas aceptan los mismos argumentos, pero el genérico recuerda el tipo exacto que se pasó y puede usarlo en el retorno.

```ts
function conUnion(x: string | number): string | number {
  return x;
}

function conGenerico<T extends string | number>(x: T): T {
  return x;
}

const a = conUnion("hola");       // string | number
const b = conGenerico("hola");    // "hola"
const c = conGenerico(42);        // 42

// Con la unión hay que volver a estrechar:
const largo = typeof a === "string" ? a.length : 0;
const largo2 = b.length;          // directo
export { c, largo, largo2 };
```

Si el tipo concreto no importa para el retorno (por ejemplo, la función devuelve siempre `string`), la unión es más simple y es la opción correcta."""),

("comparison",
r"""¿Qué diferencia hay entre las restricciones `T extends object`, `T extends {}` y `T extends Record<string, unknown>`?""",
r"""- `T extends {}`: cualquier valor excepto `null` y `undefined`, incluidos los primitivos.
- `T extends object`: solo valores no primitivos (objetos, arrays, funciones).
- `T extends Record<string, unknown>`: objetos con claves de texto; rechaza interfaces sin firma de índice.

```ts
function noNulo<T extends {}>(x: T): T {
  return x;
}
function soloObjetos<T extends object>(x: T): T {
  return x;
}
function soloRegistros<T extends Record<string, unknown>>(x: T): T {
  return x;
}

interface Punto {
  x: number;
}
const p: Punto = { x: 1 };

noNulo(5);           // correcto
// soloObjetos(5);   // error: es primitivo
soloObjetos(p);      // correcto
// soloRegistros(p); // error: las interfaces no tienen firma de índice implícita
soloRegistros({ x: 1 });
export {};
```

Para «cualquier objeto», `T extends object` suele ser la mejor opción."""),

("comparison",
r"""¿Qué diferencia hay entre un tipo condicional distributivo y uno no distributivo?""",
r"""Cuando el tipo comprobado es un parámetro genérico desnudo (`T extends ...`), el condicional se aplica a cada miembro de una unión por separado: es distributivo. Si envuelves `T` en una tupla (`[T] extends [...]`), se evalúa la unión completa de una vez.

```ts
type Distributivo<T> = T extends string ? "texto" : "otro";
type NoDistributivo<T> = [T] extends [string] ? "texto" : "otro";

type A = Distributivo<string | number>;   // "texto" | "otro"
type B = NoDistributivo<string | number>; // "otro"

// Caso práctico: detectar never.
type EsNever<T> = [T] extends [never] ? true : false;
type C = EsNever<never>; // true (la versión distributiva daría never)

const a: A = "otro";
const b: B = "otro";
const c: C = true;
export { a, b, c };
```

Usa la forma distributiva para filtrar o transformar uniones miembro a miembro, y la de tupla cuando quieras razonar sobre el tipo entero."""),

("comparison",
r"""¿Es lo mismo `Array<T>` que `T[]`?""",
r"""Sí: son dos sintaxis para el mismo tipo. La diferencia es solo de estilo y legibilidad.

```ts
const a: Array<number> = [1, 2, 3];
const b: number[] = a; // idénticos

// Con uniones, la forma genérica evita paréntesis:
const c: Array<string | number> = ["x", 1];
const d: (string | number)[] = c;

// Lo mismo para solo lectura:
const e: ReadonlyArray<string> = ["a"];
const f: readonly string[] = e;
export { b, d, f };
```

Muchas guías de estilo (y la regla `array-type` de typescript-eslint) recomiendan `T[]` para tipos simples y `Array<...>` para tipos compuestos. Lo importante es ser coherente; al compilador le da igual."""),

("comparison",
r"""¿Cuándo debo indicar explícitamente el argumento de tipo al llamar a una función genérica y cuándo dejar que se infiera?""",
r"""Por defecto, deja que se infiera: el código es más corto y el tipo se deduce de los argumentos. Indícalo explícitamente cuando la inferencia no tiene información suficiente o deduce un tipo demasiado estrecho o amplio.

```ts
// Inferencia suficiente:
const nums = [3, 1, 2].map((n) => n * 2); // number[]

// Sin información: se infiere unknown o never.
const vacia = new Set<string>();          // explícito necesario
const cache = new Map<string, number[]>();

// La inferencia puede ser demasiado estrecha:
function lista<T>(...items: T[]): T[] {
  return items;
}
const estados = lista<"on" | "off">("on"); // permite añadir "off" después
estados.push("off");

vacia.add("x");
cache.set("a", [1]);
export { nums };
```

Si tienes que escribir argumentos de tipo en casi todas las llamadas, quizá la firma de la función no está aprovechando bien la inferencia."""),

("comparison",
r"""¿Qué diferencia hay entre tipar una clave como `keyof T` y como `string`?""",
r"""- `string`: cualquier texto. Dentro de la función no puedes indexar `T` con seguridad, y las erratas no se detectan.
- `keyof T`: solo las claves reales del tipo. Permite indexar y obtener el tipo preciso con `T[K]`.

```ts
interface Config {
  host: string;
  puerto: number;
}

const config: Config = { host: "localhost", puerto: 5432 };

// Con string: hay que recurrir a aserciones y se pierde el tipo.
function leerLaxo(c: Config, clave: string): unknown {
  return (c as unknown as Record<string, unknown>)[clave];
}

// Con keyof: seguro y preciso.
function leer<K extends keyof Config>(c: Config, clave: K): Config[K] {
  return c[clave];
}

leerLaxo(config, "hots");         // compila con la errata
const p = leer(config, "puerto"); // number
export { p };
```

Ten en cuenta que `keyof T` puede incluir `number` y `symbol`; usa `Extract<keyof T, string>` si necesitas solo claves de texto."""),

# ---------------------------------------------------------------- complexity
("complexity",
r"""¿Qué significa `error TS2589: Type instantiation is excessively deep and possibly infinite`?""",
r"""El compilador pone límites a la profundidad de instanciación de tipos para no quedarse atascado. Este error aparece cuando un tipo recursivo (o una cadena de genéricos) se expande demasiados niveles, por ejemplo al recorrer rutas profundas de un objeto o al aplicar un tipo recursivo a un tipo que se referencia a sí mismo.

Soluciones habituales:

- Limitar la recursión con un contador de profundidad.
- Cortar en tipos que no necesitan recorrerse (funciones, `Date`).
- Anotar tipos intermedios para que no se recalculen.

```ts
type Prev = [never, 0, 1, 2, 3, 4];

// Profundidad máxima D: evita la recursión infinita.
type Rutas<T, D extends number = 4> = [D] extends [never]
  ? never
  : T extends object
    ? { [K in keyof T & string]: K | `${K}.${Rutas<T[K], Prev[D]>}` }[keyof T & string]
    : never;

interface Conf {
  db: { host: string; puertos: { lectura: number } };
}
const r: Rutas<Conf> = "db.puertos.lectura";
export { r };
```"""),

("complexity",
r"""¿Qué coste tienen los tipos condicionales distributivos sobre uniones grandes?""",
r"""Un condicional distributivo se evalúa una vez por cada miembro de la unión. Con 10 miembros no se nota, pero si la unión tiene miles (por ejemplo, generada con plantillas literales) y el condicional es costoso o anida otros, el tiempo de compilación y el uso de memoria crecen en proporción, y los resultados también se multiplican.

```ts
type Campo = "nombre" | "email" | "edad";

// Una evaluación por miembro: barato con 3.
type Etiqueta<T> = T extends string ? `campo_${T}` : never;
type Etiquetas = Etiqueta<Campo>; // 3 miembros

// Si no necesitas distribuir, evítalo envolviendo en tupla:
type TodoTexto<T> = [T] extends [string] ? true : false;
type X = TodoTexto<Campo>; // una sola evaluación

const e: Etiquetas = "campo_email";
const x: X = true;
export { e, x };
```

Buenas prácticas: filtra la unión cuanto antes, evita encadenar varios condicionales distributivos sobre uniones enormes y usa la forma `[T]` cuando el resultado no depende de cada miembro."""),

("complexity",
r"""¿Cuándo un tipo genérico se vuelve demasiado complejo para ser legible?""",
r"""Señales de alarma: más de tres o cuatro parámetros de tipo, condicionales anidados en varios niveles, restricciones que se referencian entre sí o firmas que ocupan más líneas que la implementación. Los usuarios de la función verán mensajes de error incomprensibles y el editor mostrará tipos enormes.

```ts
// Difícil de leer y de depurar:
type Compleja<A, B extends keyof A, C extends A[B], D = C extends unknown[] ? C[number] : C> =
  D extends object ? { [K in keyof D]: D[K] } : D;

// Más claro: piezas con nombre y responsabilidad única.
type ElementoSiArray<T> = T extends unknown[] ? T[number] : T;
type ValorDe<A, B extends keyof A> = ElementoSiArray<A[B]>;

interface Pedido {
  lineas: { sku: string }[];
}
const linea: ValorDe<Pedido, "lineas"> = { sku: "X1" };
type Z = Compleja<Pedido, "lineas", Pedido["lineas"]>;
export { linea };
export type { Z };
```

Divide los tipos en alias pequeños con buenos nombres, y reserva los genéricos avanzados para librerías donde compensen."""),

("complexity",
r"""¿Qué son los tipos condicionales con recursión de cola y por qué importan?""",
r"""Un tipo condicional es recursivo de cola cuando la llamada recursiva es el resultado directo de una rama, sin envolverla en otro tipo. Desde TypeScript 4.5, el compilador optimiza estos casos y permite hasta unas 1 000 iteraciones, frente a un límite de profundidad mucho más bajo para la recursión normal.

```ts
// No es de cola: el resultado se envuelve en una plantilla.
type Invertir<S extends string> = S extends `${infer P}${infer R}` ? `${Invertir<R>}${P}` : "";

// De cola: se arrastra un acumulador.
type QuitarEspacios<S extends string, Acc extends string = ""> =
  S extends `${infer P}${infer R}`
    ? QuitarEspacios<R, P extends " " ? Acc : `${Acc}${P}`>
    : Acc;

type A = QuitarEspacios<"  hola  mundo ">; // "holamundo"
type B = Invertir<"abc">;                  // "cba"

const a: A = "holamundo";
const b: B = "cba";
export { a, b };
```

Usar un acumulador permite procesar cadenas y tuplas más largas sin llegar a `error TS2589`. Aun así, este tipo de código es caro: úsalo con moderación."""),
]
