"""Filas del tema «sistema_de_tipos»: (categoría, instrucción, respuesta)."""

TOPIC = "sistema_de_tipos"

ROWS = [
# ---------------------------------------------------------------- definition
("definition",
r"""¿Qué es el tipado estructural en TypeScript?""",
r"""TypeScript usa tipado estructural: dos tipos son compatibles si tienen la misma forma, es decir, las mismas propiedades con tipos compatibles, sin importar cómo se llamen ni dónde se declararon. No hace falta declarar que una clase «implementa» algo para que encaje.

```ts
interface Punto {
  x: number;
  y: number;
}

class Coordenada {
  constructor(public x: number, public y: number) {}
}

function distanciaAlOrigen(p: Punto): number {
  return Math.hypot(p.x, p.y);
}

// Coordenada nunca menciona Punto, pero tiene su misma forma.
distanciaAlOrigen(new Coordenada(3, 4)); // 5
export {};
```

En lenguajes con tipado nominal, como Java, esto no compilaría sin una relación explícita."""),

("definition",
r"""¿Qué significa que TypeScript tenga inferencia de tipos?""",
r"""Significa que el compilador deduce el tipo de una expresión sin que lo escribas. Lo hace a partir del valor inicial de una variable, de lo que devuelve una función o del contexto donde se usa una expresión (tipado contextual).

```ts
const nombre = "Lucía";          // string (literal "Lucía" por ser const)
let contador = 0;                // number
const precios = [9.5, 12, 3];    // number[]

function doble(n: number) {
  return n * 2;                  // el retorno se infiere como number
}

// Tipado contextual: el parámetro p se infiere como number.
const conIva = precios.map((p) => p * 1.21);
export { nombre, contador, doble, conIva };
```

La regla práctica: anota los parámetros de las funciones y deja que el compilador infiera las variables locales."""),

("definition",
r"""¿Qué es el tipo `unknown` y para qué sirve?""",
r"""`unknown` es el tipo seguro para valores cuyo tipo no conoces todavía, como el resultado de `JSON.parse` o datos externos. Cualquier valor se puede asignar a `unknown`, pero no puedes usarlo (leer propiedades, llamarlo, operar con él) hasta estrecharlo con una comprobación.

```ts
function longitud(valor: unknown): number {
  if (typeof valor === "string" || Array.isArray(valor)) {
    return valor.length; // aquí ya es string | any[]
  }
  return 0;
}

const entrada: unknown = JSON.parse('"hola"');
console.log(longitud(entrada)); // 4
export {};
```

Es la alternativa recomendada a `any`: obliga a demostrar el tipo antes de usar el valor."""),

("definition",
r"""¿Qué es el tipo `never` y cuándo aparece?""",
r"""`never` es el tipo vacío: no tiene ningún valor. Aparece en tres situaciones típicas:

1. Funciones que nunca terminan normalmente (lanzan siempre o tienen un bucle infinito).
2. Ramas imposibles tras estrechar todos los casos de una unión.
3. Resultados de tipos que se anulan, como `string & number`.

```ts
function fallar(mensaje: string): never {
  throw new Error(mensaje);
}

type Luz = "roja" | "verde";

function accion(luz: Luz): string {
  if (luz === "roja") return "parar";
  if (luz === "verde") return "avanzar";
  const imposible: never = luz; // aquí luz ya es never
  return fallar(`Luz desconocida: ${imposible}`);
}
export {};
```

Como `never` es asignable a cualquier tipo, es útil para comprobar exhaustividad."""),

("definition",
r"""¿Qué son los tipos literales en TypeScript?""",
r"""Un tipo literal es un tipo que admite un único valor concreto: una cadena, un número o un booleano exacto. Solos parecen poco útiles, pero combinados en uniones permiten describir conjuntos cerrados de valores.

```ts
type Metodo = "GET" | "POST" | "DELETE";
type Dado = 1 | 2 | 3 | 4 | 5 | 6;

function pedir(url: string, metodo: Metodo): void {
  console.log(`${metodo} ${url}`);
}

pedir("/api/usuarios", "GET");   // correcto
// pedir("/api/usuarios", "PUT"); // error: "PUT" no está en Metodo

const tirada: Dado = 4;
export { tirada };
```

Las constantes declaradas con `const` reciben automáticamente un tipo literal; las variables `let` se ensanchan al tipo general (`string`, `number`)."""),

("definition",
r"""¿Qué hace `as const` en TypeScript?""",
r"""`as const` es una aserción constante: le pide al compilador que infiera el tipo más estrecho posible. En la práctica:

- Los literales no se ensanchan (`"rojo"` sigue siendo `"rojo"`, no `string`).
- Los objetos pasan a tener propiedades `readonly`.
- Los arrays se convierten en tuplas de solo lectura.

```ts
const config = {
  modo: "oscuro",
  tamanos: [12, 14, 16],
} as const;

// typeof config es:
// { readonly modo: "oscuro"; readonly tamanos: readonly [12, 14, 16] }

type Tamano = (typeof config.tamanos)[number]; // 12 | 14 | 16

const t: Tamano = 14;
export { t };
```

No tiene efecto en tiempo de ejecución: no congela el objeto como `Object.freeze`, solo cambia lo que el compilador sabe."""),

("definition",
r"""¿Qué es una tupla en TypeScript?""",
r"""Una tupla es un array con longitud fija (o con partes fijas) donde cada posición tiene su propio tipo. Sirve para devolver varios valores de distinto tipo sin crear un objeto.

```ts
type Entrada = [clave: string, valor: number];

const fila: Entrada = ["edad", 42];
const [clave, valor] = fila; // clave: string, valor: number

// Elementos opcionales y resto:
type Rango = [inicio: number, fin?: number];
type ConCabecera = [string, ...number[]];

const r: Rango = [5];
const datos: ConCabecera = ["medidas", 1, 2, 3];
export { clave, valor, r, datos };
```

Los nombres (`clave`, `valor`) son solo documentación: ayudan en el editor, pero no cambian el tipo."""),

("definition",
r"""¿Qué es el operador `satisfies`?""",
r"""`satisfies` (TypeScript 4.9) comprueba que una expresión cumple un tipo sin cambiar el tipo inferido de esa expresión. Así obtienes la validación del tipo y, a la vez, conservas la información precisa del valor.

```ts
type Color = "rojo" | "verde" | "azul";
type Paleta = Record<Color, string | [number, number, number]>;

const paleta = {
  rojo: [255, 0, 0],
  verde: "#00ff00",
  azul: [0, 0, 255],
} satisfies Paleta;

// Se conoce el tipo exacto de cada propiedad:
paleta.verde.toUpperCase();    // string
paleta.rojo.map((c) => c / 2); // tupla de números
export {};
```

Si hubieras escrito `const paleta: Paleta = ...`, cada propiedad sería `string | [number, number, number]` y tendrías que estrechar antes de usarla."""),

# ---------------------------------------------------------------- example
("example",
r"""Muéstrame cómo tipar una función con un parámetro opcional y otro con valor por defecto.""",
r"""Un parámetro opcional se marca con `?` y su tipo incluye `undefined`. Un parámetro con valor por defecto también es opcional para quien llama, pero dentro de la función nunca es `undefined`.

```ts
function saludar(nombre: string, titulo?: string, signo = "!"): string {
  // titulo: string | undefined
  // signo: string (se infiere del valor por defecto)
  const prefijo = titulo ? `${titulo} ` : "";
  return `Hola, ${prefijo}${nombre}${signo}`;
}

saludar("Ana");                 // "Hola, Ana!"
saludar("Ana", "Dra.");         // "Hola, Dra. Ana!"
saludar("Ana", undefined, "."); // "Hola, Ana."
export {};
```

Los parámetros opcionales deben ir después de los obligatorios."""),

("example",
r"""Dame un ejemplo de firma de índice para tipar un diccionario de precios.""",
r"""Una firma de índice describe un objeto cuyas claves no conoces de antemano, pero sí el tipo de todas ellas y de sus valores.

```ts
interface Precios {
  [producto: string]: number;
}

const precios: Precios = {
  pan: 1.2,
  leche: 0.95,
};

precios["huevos"] = 2.4; // se pueden añadir claves nuevas

function total(lista: Precios): number {
  let suma = 0;
  for (const clave in lista) {
    suma += lista[clave];
  }
  return suma;
}
export { total };
```

Ten en cuenta que, por defecto, `precios["cafe"]` se tipa como `number` aunque la clave no exista; la opción `noUncheckedIndexedAccess` añade `undefined` a esos accesos para obligarte a comprobarlo."""),

("example",
r"""¿Cómo tipo una función que recibe un callback?""",
r"""Describe el callback con un tipo función: la lista de parámetros y el tipo de retorno. Si el resultado del callback no se usa, declara el retorno como `void`.

```ts
type AlTerminar = (error: Error | null, resultado?: string) => void;

function leerArchivo(ruta: string, alTerminar: AlTerminar): void {
  if (ruta === "") {
    alTerminar(new Error("Ruta vacía"));
    return;
  }
  alTerminar(null, `contenido de ${ruta}`);
}

leerArchivo("notas.txt", (error, resultado) => {
  // error y resultado se infieren del tipo AlTerminar
  if (error) console.error(error.message);
  else console.log(resultado);
});
export {};
```

Gracias al tipado contextual no necesitas anotar `error` ni `resultado` en la función flecha."""),

("example",
r"""Escribe un ejemplo de sobrecargas de funciones en TypeScript.""",
r"""Las sobrecargas declaran varias firmas públicas para una sola implementación. Quien llama solo ve las firmas; la implementación debe ser compatible con todas.

```ts
function convertir(valor: string): number;
function convertir(valor: number): string;
function convertir(valor: string | number): string | number {
  return typeof valor === "string" ? Number(valor) : String(valor);
}

const n = convertir("42"); // number
const s = convertir(42);   // string
export { n, s };
```

La ventaja frente a una sola firma con uniones es que el tipo de retorno depende del argumento: con `convertir("42")` el compilador sabe que obtienes un `number`. La firma de implementación (la última) no es visible desde fuera."""),

("example",
r"""Muestra cómo usar `readonly` en propiedades de objetos y en arrays.""",
r"""`readonly` impide reasignar una propiedad después de crear el objeto. Para arrays existen `readonly T[]` y `ReadonlyArray<T>`, que eliminan los métodos que mutan (`push`, `splice`, `sort`...).

```ts
interface Pedido {
  readonly id: number;
  cliente: string;
  readonly lineas: readonly string[];
}

const pedido: Pedido = { id: 7, cliente: "Marta", lineas: ["café", "té"] };

pedido.cliente = "Luis";       // permitido
// pedido.id = 8;              // error: id es de solo lectura
// pedido.lineas.push("agua"); // error: no existe push en readonly string[]

const ordenadas = [...pedido.lineas].sort(); // copia mutable
export { ordenadas };
```

Es una garantía solo en compilación; para congelar en ejecución usa `Object.freeze`."""),

("example",
r"""Dame un ejemplo de tipos de plantilla literal (template literal types).""",
r"""Los tipos de plantilla literal construyen tipos de cadena combinando otros tipos, con la misma sintaxis que las plantillas de JavaScript.

```ts
type Entidad = "usuario" | "pedido";
type Accion = "creado" | "borrado";

type Evento = `${Entidad}:${Accion}`;
// "usuario:creado" | "usuario:borrado" | "pedido:creado" | "pedido:borrado"

type Manejador = `on${Capitalize<Entidad>}`; // "onUsuario" | "onPedido"

function emitir(evento: Evento): void {
  console.log("emitiendo", evento);
}

emitir("pedido:borrado");     // correcto
// emitir("pedido:editado");  // error
const h: Manejador = "onPedido";
export { h };
```

Cuando se combinan uniones, el resultado es el producto cartesiano de todas ellas."""),

("example",
r"""¿Cómo uso `keyof` y `typeof` juntos con un objeto de configuración?""",
r"""`typeof` (en posición de tipo) obtiene el tipo de un valor, y `keyof` obtiene la unión de las claves de un tipo. Juntos permiten derivar tipos a partir de objetos reales sin repetirlos.

```ts
const mensajes = {
  bienvenida: "Hola",
  despedida: "Adiós",
  error: "Algo salió mal",
};

type ClaveMensaje = keyof typeof mensajes;
// "bienvenida" | "despedida" | "error"

function traducir(clave: ClaveMensaje): string {
  return mensajes[clave];
}

traducir("despedida");     // correcto
// traducir("ayuda");      // error: no es una clave válida
export {};
```

Si añades una clave al objeto, el tipo `ClaveMensaje` se actualiza solo."""),

("example",
r"""Enséñame a usar tipos de acceso indexado como `Usuario["direccion"]`.""",
r"""Un tipo de acceso indexado extrae el tipo de una propiedad de otro tipo, igual que accedes a una propiedad de un objeto. Evita duplicar definiciones.

```ts
interface Usuario {
  id: number;
  direccion: { calle: string; ciudad: string };
  roles: ("admin" | "editor")[];
}

type Direccion = Usuario["direccion"];   // { calle: string; ciudad: string }
type Id = Usuario["id"];                 // number
type Rol = Usuario["roles"][number];     // "admin" | "editor"
type IdOCiudad = Usuario["id" | "direccion"]; // unión de ambos tipos

function formatear(d: Direccion): string {
  return `${d.calle}, ${d.ciudad}`;
}
const rol: Rol = "editor";
export { formatear, rol };
export type { Id, IdOCiudad };
```

El índice `[number]` sobre un array devuelve el tipo de sus elementos."""),

("example",
r"""Muéstrame cómo tipar un objeto con propiedades opcionales anidadas y leerlas de forma segura.""",
r"""Marca las propiedades opcionales con `?` y léelas con encadenamiento opcional (`?.`) y el operador de fusión nula (`??`) para dar un valor por defecto.

```ts
interface Perfil {
  nombre: string;
  contacto?: {
    email?: string;
    telefono?: string;
  };
}

function emailDe(perfil: Perfil): string {
  // perfil.contacto?.email es string | undefined
  return perfil.contacto?.email ?? "sin email";
}

emailDe({ nombre: "Iván" });                                    // "sin email"
emailDe({ nombre: "Eva", contacto: { email: "eva@ejemplo.es" } }); // "eva@ejemplo.es"
export {};
```

Con `strictNullChecks` (incluido en `--strict`), acceder a `perfil.contacto.email` sin `?.` sería un error porque `contacto` puede ser `undefined`."""),

# ---------------------------------------------------------------- error_correction
("error_correction",
r"""Este código da `error TS2353: Object literal may only specify known properties, and 'z' does not exist in type 'Punto'.` ¿Por qué?

```ts-error
interface Punto {
  x: number;
  y: number;
}

const p: Punto = { x: 1, y: 2, z: 3 };
```""",
r"""Es la comprobación de propiedades sobrantes: cuando asignas un literal de objeto directamente a un tipo, TypeScript rechaza propiedades que ese tipo no declara, porque suelen ser erratas. `z` no existe en `Punto`.

Según lo que quieras, hay dos soluciones:

```ts
interface Punto {
  x: number;
  y: number;
}

// 1. Quitar la propiedad sobrante.
const p: Punto = { x: 1, y: 2 };

// 2. Si el punto es tridimensional, declarar un tipo que la incluya.
interface Punto3D extends Punto {
  z: number;
}
const q: Punto3D = { x: 1, y: 2, z: 3 };
export { p, q };
```

Esta comprobación solo se aplica a literales frescos; un objeto guardado antes en una variable con más propiedades sí sería asignable a `Punto`."""),

("error_correction",
r"""Me sale `error TS2540: Cannot assign to 'saldo' because it is a read-only property.` en este código:

```ts-error
interface Cuenta {
  readonly titular: string;
  readonly saldo: number;
}

const cuenta: Cuenta = { titular: "Rosa", saldo: 100 };
cuenta.saldo = cuenta.saldo + 50;
```""",
r"""`saldo` está marcado como `readonly`, así que no se puede reasignar después de crear el objeto. Tienes dos caminos: quitar `readonly` si la propiedad debe cambiar, o mantener la inmutabilidad y crear un objeto nuevo con el valor actualizado.

```ts
interface Cuenta {
  readonly titular: string;
  readonly saldo: number;
}

function ingresar(cuenta: Cuenta, cantidad: number): Cuenta {
  return { ...cuenta, saldo: cuenta.saldo + cantidad };
}

const cuenta: Cuenta = { titular: "Rosa", saldo: 100 };
const actualizada = ingresar(cuenta, 50); // saldo: 150
export { actualizada };
```

El enfoque inmutable encaja bien con estados de React o Redux, donde se espera un objeto nuevo en cada cambio."""),

("error_correction",
r"""¿Por qué falla esta tupla?

```ts-error
const par: [number, string] = [1, "uno", true];
```

El error es `error TS2322: Type '[number, string, boolean]' is not assignable to type '[number, string]'.`""",
r"""El tipo `[number, string]` es una tupla de exactamente dos elementos, y el literal tiene tres. Las tuplas fijan tanto la longitud como el tipo de cada posición.

Ajusta el valor o el tipo, según lo que necesites:

```ts
// Exactamente dos elementos:
const par: [number, string] = [1, "uno"];

// Un tercer elemento opcional:
const trio: [number, string, boolean?] = [1, "uno", true];

// Longitud variable al final con un elemento resto:
const variable: [number, ...unknown[]] = [1, "uno", true];
export { par, trio, variable };
```

Si en realidad quieres una lista de longitud libre, usa un array de uniones como `(number | string | boolean)[]`."""),

("error_correction",
r"""Tengo `error TS18046: 'dato' is of type 'unknown'.` en esta función:

```ts-error
function mayusculas(dato: unknown): string {
  return dato.toUpperCase();
}
```""",
r"""Con `unknown` el compilador no te deja usar el valor hasta que demuestres qué es. Llamar a `toUpperCase` exige saber que `dato` es una cadena, así que debes estrecharlo con `typeof`.

```ts
function mayusculas(dato: unknown): string {
  if (typeof dato === "string") {
    return dato.toUpperCase(); // aquí dato es string
  }
  return String(dato).toUpperCase();
}

mayusculas("hola"); // "HOLA"
mayusculas(42);     // "42"
export {};
```

Si la función solo tiene sentido con cadenas, lo más sencillo es cambiar el parámetro a `dato: string` y dejar que quien llama se encargue de validar."""),

("error_correction",
r"""Con `--strict` este código da `error TS7006: Parameter 'n' implicitly has an 'any' type.`

```ts-error
function doble(n) {
  return n * 2;
}
```""",
r"""En modo estricto está activada `noImplicitAny`: si TypeScript no puede inferir el tipo de un parámetro, no lo convierte en `any` en silencio, sino que te obliga a anotarlo. Los parámetros de una función declarada no tienen contexto del que inferir.

Añade la anotación:

```ts
function doble(n: number): number {
  return n * 2;
}

doble(21); // 42
// doble("21"); // ahora sí se detecta este error
export {};
```

Anotar el tipo de retorno es opcional (se infiere), pero documenta la intención y detecta antes los errores dentro de la función."""),

("error_correction",
r"""¿Por qué no puedo añadir un color a este array? Error: `error TS2339: Property 'push' does not exist on type 'readonly ["rojo", "verde"]'.`

```ts-error
const colores = ["rojo", "verde"] as const;
colores.push("azul");
```""",
r"""`as const` convierte el array en una tupla de solo lectura, `readonly ["rojo", "verde"]`, que no tiene métodos que muten como `push`. Es justo lo que pediste al usar la aserción constante.

Si la lista debe crecer, no uses `as const` y declara el tipo de los elementos:

```ts
type Color = "rojo" | "verde" | "azul";

const colores: Color[] = ["rojo", "verde"];
colores.push("azul"); // correcto

// Si quieres mantenerla inmutable, crea una lista nueva:
const base = ["rojo", "verde"] as const;
const ampliada = [...base, "azul"] as const;
export { ampliada };
```

Usa `as const` para listas fijas (por ejemplo, para derivar una unión de literales) y arrays normales para colecciones que cambian."""),

("error_correction",
r"""No entiendo este error: `error TS2322: Type 'string' is not assignable to type 'Tema'.`

```ts-error
type Tema = "claro" | "oscuro";

let preferido = "oscuro";
const tema: Tema = preferido;
```""",
r"""Es el ensanchamiento de literales: al declarar `let preferido = "oscuro"`, TypeScript infiere `string` y no `"oscuro"`, porque una variable `let` podría recibir cualquier otra cadena más adelante. Y un `string` cualquiera no cabe en `Tema`.

Cualquiera de estas opciones lo arregla:

```ts
type Tema = "claro" | "oscuro";

// 1. Anotar la variable con el tipo correcto.
let preferido: Tema = "oscuro";
const tema: Tema = preferido;

// 2. Usar const, que conserva el tipo literal "oscuro".
const fijo = "oscuro";
const otroTema: Tema = fijo;
export { tema, otroTema };
```

La primera es la mejor si la variable debe cambiar, porque además impide asignarle valores fuera de la unión."""),

("error_correction",
r"""Esta función da `error TS2366: Function lacks ending return statement and return type does not include 'undefined'.`

```ts-error
function descuento(edad: number): number {
  if (edad < 18) {
    return 0.5;
  } else if (edad >= 65) {
    return 0.3;
  }
}
```""",
r"""El tipo de retorno es `number`, pero si `edad` está entre 18 y 64 ninguna rama ejecuta un `return`, y la función devolvería `undefined`. El compilador detecta ese camino sin retorno.

Añade el caso que falta:

```ts
function descuento(edad: number): number {
  if (edad < 18) {
    return 0.5;
  }
  if (edad >= 65) {
    return 0.3;
  }
  return 0; // adultos sin descuento
}

descuento(30); // 0
export {};
```

Si de verdad no hay valor para algunos casos, decláralo: `number | undefined`, y quien llame tendrá que comprobarlo."""),

# ---------------------------------------------------------------- comparison
("comparison",
r"""¿Qué diferencia hay entre `any` y `unknown`?""",
r"""Ambos aceptan cualquier valor, pero se comportan al revés al usarlos:

- `any` desactiva la comprobación de tipos: puedes llamar a cualquier método y asignarlo a cualquier tipo. Los errores aparecen en ejecución.
- `unknown` obliga a estrechar el valor antes de usarlo. Es seguro.

```ts
const a: any = "texto";
a.metodoQueNoExiste();      // compila y falla en ejecución
const n: number = a;        // compila, aunque es una cadena

const u: unknown = "texto";
// u.toUpperCase();         // error de compilación
if (typeof u === "string") {
  console.log(u.toUpperCase()); // correcto tras estrechar
}
export { n };
```

Usa `unknown` para datos externos (JSON, respuestas de APIs, `catch`). Reserva `any` para migraciones o casos en los que no hay alternativa razonable."""),

("comparison",
r"""¿En qué se diferencian una aserción `as` y el operador `satisfies`?""",
r"""`as` le dice al compilador «confía en mí»: cambia el tipo de la expresión y solo se queja si los tipos no tienen ninguna relación. `satisfies` comprueba que el valor cumple el tipo y conserva el tipo inferido.

```ts
interface Opciones {
  puerto: number;
  host: string;
}

// Con as, falta host y no hay error:
const a = { puerto: 80 } as Opciones;

// Con satisfies, el error se detecta:
// const b = { puerto: 80 } satisfies Opciones; // falta host

const c = { puerto: 80, host: "localhost" } satisfies Opciones;
c.puerto; // number
export { a, c };
```

Regla práctica: usa `satisfies` (o una anotación) para validar literales; deja `as` para cuando sabes algo que el compilador no puede saber, como el tipo de un elemento del DOM."""),

("comparison",
r"""¿Cuál es la diferencia entre `void` y `never` como tipo de retorno?""",
r"""- `void`: la función termina normalmente, pero no devuelve un valor útil (devuelve `undefined`).
- `never`: la función nunca termina normalmente; siempre lanza una excepción o no acaba nunca.

```ts
function registrar(mensaje: string): void {
  console.log(mensaje); // termina y vuelve al que llama
}

function abortar(mensaje: string): never {
  throw new Error(mensaje); // nunca vuelve
}

function dividir(a: number, b: number): number {
  if (b === 0) abortar("División por cero");
  return a / b; // el compilador sabe que aquí b !== 0 tras abortar
}
registrar("ok");
export { dividir };
```

Gracias a `never`, el análisis de flujo sabe que el código posterior a `abortar` es inalcanzable en esa rama. Con `void` no podría deducirlo."""),

("comparison",
r"""¿Qué diferencia hay entre `null` y `undefined` en TypeScript con `strictNullChecks`?""",
r"""Con `strictNullChecks` (activo en `--strict`), ninguno de los dos se puede asignar a otros tipos salvo que lo incluyas explícitamente. La diferencia es de intención:

- `undefined`: ausencia no asignada. Es lo que tienen las variables sin inicializar, los parámetros y propiedades opcionales, y las funciones sin `return`.
- `null`: ausencia intencionada, elegida por el programador o por una API (por ejemplo, `document.querySelector`).

```ts
interface Usuario {
  apodo?: string;            // string | undefined
  jefe: Usuario | null;      // null = «no tiene jefe» a propósito
}

function nombreJefe(u: Usuario): string {
  return u.jefe?.apodo ?? "sin jefe";
}

const raiz: Usuario = { jefe: null };
nombreJefe(raiz); // "sin jefe"
export {};
```

`?.` y `??` tratan ambos valores igual, así que rara vez necesitas distinguirlos al leer."""),

("comparison",
r"""¿Cuándo uso una tupla y cuándo un array normal?""",
r"""- Array (`T[]`): colección homogénea de longitud variable, donde todas las posiciones significan lo mismo.
- Tupla (`[A, B]`): estructura de longitud fija donde cada posición tiene su propio significado y tipo.

```ts
const temperaturas: number[] = [18.5, 20.1, 19.7]; // cualquier cantidad

type Coordenada = [latitud: number, longitud: number];
const madrid: Coordenada = [40.4168, -3.7038];

// Las tuplas son útiles para devolver varios valores:
function minMax(valores: number[]): [min: number, max: number] {
  return [Math.min(...valores), Math.max(...valores)];
}
const [min, max] = minMax(temperaturas);
export { madrid, min, max };
```

Si una tupla crece a más de tres posiciones o sus significados no son obvios, suele ser más legible un objeto con propiedades nombradas."""),

("comparison",
r"""¿Qué diferencia hay entre declarar con `const` y marcar una propiedad como `readonly`?""",
r"""Actúan en niveles distintos:

- `const` impide reasignar la variable, pero el objeto al que apunta puede mutarse.
- `readonly` impide reasignar una propiedad concreta de un tipo, sea cual sea la variable que lo contenga.

```ts
const ajustes = { volumen: 5 };
ajustes.volumen = 8;          // permitido: const no protege el contenido
// ajustes = { volumen: 1 };  // error: no se puede reasignar la variable

interface Fijos {
  readonly volumen: number;
}
let otros: Fijos = { volumen: 5 };
// otros.volumen = 8;         // error: propiedad de solo lectura
otros = { volumen: 1 };       // permitido: la variable es let
export { otros };
```

Para un objeto totalmente inmutable combina ambos: `const` en la variable y `readonly` (o `as const`) en las propiedades."""),

("comparison",
r"""¿Por qué `let x = "a"` y `const x = "a"` tienen tipos distintos?""",
r"""Por el ensanchamiento de literales. Con `const`, la variable nunca cambiará, así que TypeScript conserva el tipo literal más preciso. Con `let`, la variable puede recibir otros valores, así que el tipo se ensancha a `string`.

```ts
const fijo = "a";   // tipo "a"
let variable = "a"; // tipo string
variable = "b";     // correcto

const num = 3;      // tipo 3
let contador = 3;   // tipo number

// Para que un let conserve un conjunto cerrado, anótalo:
let talla: "S" | "M" | "L" = "M";
talla = "L";
export { fijo, num, contador, talla };
```

Lo mismo pasa con las propiedades de objetos: `{ modo: "a" }` infiere `modo: string` aunque el objeto sea `const`, salvo que uses `as const`."""),

("comparison",
r"""¿Qué diferencia hay entre los tipos `object`, `Object` y `{}`?""",
r"""- `object` (minúscula): cualquier valor no primitivo (objetos, arrays, funciones). Excluye `string`, `number`, `boolean`, `null`, etc.
- `{}`: cualquier valor que no sea `null` ni `undefined`, incluidos los primitivos.
- `Object` (mayúscula): casi equivalente a `{}`; se desaconseja usarlo como tipo.

```ts
let a: object = { x: 1 };
a = [1, 2];
// a = "texto";     // error: string es primitivo

let b: {} = "texto"; // correcto: un string no es null ni undefined
b = 42;
// b = null;        // error con strictNullChecks

function esObjeto(v: unknown): v is object {
  return typeof v === "object" && v !== null;
}
export { a, b, esObjeto };
```

Para «cualquier objeto con claves de texto» suele ser más útil `Record<string, unknown>`."""),

# ---------------------------------------------------------------- complexity
("complexity",
r"""¿Por qué un tipo de plantilla literal con varias uniones puede volverse demasiado complejo?""",
r"""Porque el resultado es el producto cartesiano de todas las uniones. Cada parte multiplica el número de miembros: 10 × 10 × 10 ya son 1 000 cadenas, y una plantilla con cuatro uniones de 20 miembros serían 160 000. TypeScript corta al superar 100 000 miembros con `error TS2590: Expression produces a union type that is too complex to represent`.

```ts
type Digito = "0" | "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8" | "9";

// 100 miembros: razonable.
type DosDigitos = `${Digito}${Digito}`;

// Alternativa barata: validar el formato con un patrón más amplio.
type Codigo = `${number}-${number}`;

const a: DosDigitos = "42";
const b: Codigo = "12-345";
export { a, b };
```

Cuando la combinación crece, usa tipos amplios como `${number}` o `${string}` y valida el detalle en tiempo de ejecución."""),

("complexity",
r"""¿Merece la pena anotar los tipos de retorno de las funciones exportadas o es mejor dejar que se infieran?""",
r"""La inferencia es cómoda, pero en proyectos grandes anotar el retorno de las funciones exportadas tiene ventajas de coste y de legibilidad:

- El compilador no necesita analizar el cuerpo para conocer la firma, lo que abarata la comprobación de los archivos que importan la función y la generación de `.d.ts` (y permite `isolatedDeclarations`).
- Un cambio accidental en el cuerpo produce un error en la propia función, no en quien la usa.
- Los tipos inferidos muy grandes se copian literalmente en los `.d.ts` y en los mensajes de error.

```ts
interface Resumen {
  total: number;
  media: number;
}

export function resumir(valores: number[]): Resumen {
  const total = valores.reduce((a, b) => a + b, 0);
  return { total, media: valores.length ? total / valores.length : 0 };
}
```

Para funciones locales y pequeñas, la inferencia basta."""),

("complexity",
r"""¿Cuándo conviene dar nombre a un tipo en lugar de escribirlo en línea?""",
r"""Escribir tipos anónimos en línea está bien para casos cortos, pero tiene costes cuando crecen o se repiten:

- Legibilidad: una firma con objetos anidados de diez propiedades es difícil de leer.
- Mensajes de error: el compilador muestra el nombre de un alias o una interfaz en vez de expandir toda la estructura.
- Mantenimiento: un tipo con nombre se cambia en un solo sitio.
- Rendimiento: las interfaces con nombre se comparan y cachean mejor que estructuras anónimas que se reconstruyen.

```ts
// Difícil de leer:
// function enviar(p: { destino: { calle: string; cp: string }; peso: number }) {}

interface Direccion {
  calle: string;
  cp: string;
}
interface Paquete {
  destino: Direccion;
  peso: number;
}

export function enviar(p: Paquete): string {
  return `${p.peso} kg a ${p.destino.cp}`;
}
```

Regla práctica: si un tipo aparece dos veces o tiene más de tres propiedades, dale nombre."""),

("complexity",
r"""¿El sistema de tipos de TypeScript tiene algún coste en tiempo de ejecución?""",
r"""Casi ninguno: los tipos se borran al compilar. Interfaces, alias, anotaciones, genéricos y aserciones desaparecen del JavaScript generado, así que no ralentizan el programa. El coste está en la compilación y en el editor.

Hay pocas excepciones que sí generan código: `enum` (crea un objeto), `namespace` con valores, las propiedades de parámetro en constructores y los decoradores.

```ts
interface Producto {
  nombre: string;
  precio: number;
}

// En JavaScript queda solo: function iva(p) { return p.precio * 1.21; }
export function iva(p: Producto): number {
  return p.precio * 1.21;
}

// Esto sí genera código en ejecución:
export enum Estado {
  Activo,
  Inactivo,
}
```

Por la misma razón, los tipos no validan datos en ejecución: para comprobar un JSON externo necesitas código de validación real."""),
]
