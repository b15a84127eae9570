"""Filas del tema «errores_de_tipo»: (categoría, instrucción, respuesta).

La mayoría son de corrección de errores: código roto en la instrucción (```ts-error), con el
mensaje del compilador, y la explicación con el código corregido en la respuesta.
"""

TOPIC = "errores_de_tipo"

ROWS = [
# ---------------------------------------------------------------- error_correction
("error_correction",
r"""¿Cómo arreglo `error TS2322: Type 'string' is not assignable to type 'number'.`?

```ts-error
const campo = document.createElement("input");
const edad: number = campo.value;
```""",
r"""La propiedad `value` de un `<input>` siempre es una cadena, incluso si el campo es numérico. Declarar `edad` como `number` no convierte el valor: solo promete un tipo que no se cumple.

Convierte la cadena explícitamente y controla el caso de que no sea un número:

```ts
const campo = document.createElement("input");

const edad: number = Number(campo.value);
if (Number.isNaN(edad)) {
  console.error("La edad debe ser un número");
}

// En inputs de tipo number también existe valueAsNumber:
campo.type = "number";
const otraEdad: number = campo.valueAsNumber; // NaN si está vacío
export { otraEdad };
```

Las anotaciones de tipo nunca transforman valores en ejecución; cuando los tipos no coinciden, hay que convertir con código."""),

("error_correction",
r"""Me sale `error TS2345: Argument of type 'string' is not assignable to parameter of type 'number'.`

```ts-error
function sumar(a: number, b: number): number {
  return a + b;
}

const entrada = "5";
sumar(entrada, 10);
```""",
r"""`sumar` espera dos números y `entrada` es una cadena. En JavaScript, `"5" + 10` daría `"510"`, así que el compilador te protege de una concatenación accidental.

Convierte el argumento antes de pasarlo:

```ts
function sumar(a: number, b: number): number {
  return a + b;
}

const entrada = "5";
sumar(Number(entrada), 10);           // 15
sumar(Number.parseInt(entrada, 10), 10); // 15, solo enteros
export {};
```

`Number("")` devuelve `0` y `Number("abc")` devuelve `NaN`; si la cadena viene del usuario, valida el resultado antes de operar."""),

("error_correction",
r"""¿Qué significa `error TS2554: Expected 2 arguments, but got 1.`?

```ts-error
function crearEnlace(texto: string, url: string): string {
  return `<a href="${url}">${texto}</a>`;
}

crearEnlace("Inicio");
```""",
r"""La función declara dos parámetros obligatorios y la llamada solo pasa uno. A diferencia de JavaScript, TypeScript comprueba el número de argumentos.

Pasa el argumento que falta, o haz el parámetro opcional si tiene sentido un valor por defecto:

```ts
function crearEnlace(texto: string, url = "/"): string {
  return `<a href="${url}">${texto}</a>`;
}

crearEnlace("Inicio");             // usa "/"
crearEnlace("Blog", "/blog");      // ambos argumentos
export {};
```

Con `url = "/"`, el parámetro pasa a ser opcional para quien llama, pero dentro de la función siempre es `string`. Si no hay un valor razonable por defecto, lo correcto es corregir la llamada."""),

("error_correction",
r"""Tengo `error TS2552: Cannot find name 'usuarios'. Did you mean 'usuario'?`

```ts-error
const usuario = ["ana", "luis", "marta"];

for (const u of usuarios) {
  console.log(u);
}
```""",
r"""El nombre `usuarios` no existe en ese ámbito: la variable se declaró como `usuario`, en singular. El compilador incluso sugiere el nombre parecido.

Usa un nombre coherente; para una lista, el plural es más claro:

```ts
const usuarios = ["ana", "luis", "marta"];

for (const usuario of usuarios) {
  console.log(usuario);
}
export {};
```

El mismo tipo de error (con el código TS2304 cuando no hay sugerencia) aparece si olvidas importar algo, si usas una variable fuera del bloque donde se declaró o si falta una declaración de tipos globales, como las de Node.js (`@types/node`)."""),

("error_correction",
r"""¿Por qué falla esto? `error TS2551: Property 'lenght' does not exist on type 'string'. Did you mean 'length'?`

```ts-error
function esLarga(frase: string): boolean {
  return frase.lenght > 50;
}
```""",
r"""Es una errata: la propiedad se llama `length`. En JavaScript, `frase.lenght` devolvería `undefined` sin avisar y la comparación sería siempre `false`; TypeScript lo detecta al compilar.

```ts
function esLarga(frase: string): boolean {
  return frase.length > 50;
}

esLarga("corta"); // false
export {};
```

Cuando el mensaje incluye «Did you mean...?», el compilador ha encontrado un nombre parecido que sí existe. La mayoría de editores ofrecen una corrección rápida que aplica la sugerencia automáticamente."""),

("error_correction",
r"""Me aparece `error TS18048: 'config.db' is possibly 'undefined'.`

```ts-error
interface Config {
  nombre: string;
  db?: { host: string; puerto: number };
}

function cadenaConexion(config: Config): string {
  return `${config.db.host}:${config.db.puerto}`;
}
```""",
r"""`db` es opcional en `Config`, así que puede no existir. Acceder a `config.db.host` lanzaría un `TypeError` en ejecución si falta.

Maneja el caso en que no hay base de datos:

```ts
interface Config {
  nombre: string;
  db?: { host: string; puerto: number };
}

function cadenaConexion(config: Config): string {
  const { db } = config;
  if (!db) {
    throw new Error(`La aplicación ${config.nombre} no tiene base de datos`);
  }
  return `${db.host}:${db.puerto}`;
}

// O con un valor alternativo:
function hostOLocal(config: Config): string {
  return config.db?.host ?? "localhost";
}
export { cadenaConexion, hostOLocal };
```

Guardar `config.db` en una constante facilita el estrechamiento y hace el código más legible."""),

("error_correction",
r"""¿Qué significa `error TS2739: Type '{ nombre: string; }' is missing the following properties from type 'Empleado': puesto, salario`?

```ts-error
interface Empleado {
  nombre: string;
  puesto: string;
  salario: number;
}

const nueva: Empleado = { nombre: "Lucía" };
```""",
r"""El objeto solo tiene `nombre`, pero `Empleado` exige también `puesto` y `salario`. El mensaje enumera todas las propiedades que faltan.

Completa el objeto o ajusta el tipo según lo que represente:

```ts
interface Empleado {
  nombre: string;
  puesto: string;
  salario: number;
}

// 1. Objeto completo.
const nueva: Empleado = { nombre: "Lucía", puesto: "Diseñadora", salario: 32000 };

// 2. Candidata en proceso: aún sin puesto ni salario.
type Candidata = Pick<Empleado, "nombre"> & Partial<Empleado>;
const candidata: Candidata = { nombre: "Lucía" };
export { nueva, candidata };
```

Cuando falta una sola propiedad, el código de error es TS2741 y el mensaje la nombra directamente."""),

("error_correction",
r"""¿Cómo soluciono `error TS7053: Element implicitly has an 'any' type because expression of type 'string' can't be used to index type '{ rojo: string; verde: string; }'.`?

```ts-error
const colores = { rojo: "#ff0000", verde: "#00ff00" };

function hex(nombre: string): string {
  return colores[nombre];
}
```""",
r"""`colores` solo tiene las claves `rojo` y `verde`, pero `nombre` es un `string` cualquiera. Si llega `"azul"`, el resultado sería `undefined`, así que el compilador no acepta el acceso.

Restringe el parámetro a las claves reales, o declara el objeto como diccionario abierto:

```ts
const colores = { rojo: "#ff0000", verde: "#00ff00" };

// 1. Solo claves válidas.
function hex(nombre: keyof typeof colores): string {
  return colores[nombre];
}
hex("verde");

// 2. Diccionario abierto: el resultado puede faltar.
const paleta: Record<string, string | undefined> = { ...colores };
function hexOpcional(nombre: string): string {
  return paleta[nombre] ?? "#000000";
}
hexOpcional("azul"); // "#000000"
export {};
```"""),

("error_correction",
r"""Tengo `error TS2564: Property 'nombre' has no initializer and is not definitely assigned in the constructor.`

```ts-error
class Jugador {
  nombre: string;
  puntos = 0;

  configurar(nombre: string) {
    this.nombre = nombre;
  }
}
```""",
r"""Con `strictPropertyInitialization` (incluida en `--strict`), cada propiedad no opcional debe recibir valor en su declaración o en el constructor. Asignarla en otro método no cuenta, porque podría usarse antes de llamarlo.

Inicialízala en el constructor, dale un valor por defecto o márcala como opcional:

```ts
class Jugador {
  puntos = 0;

  constructor(public nombre: string) {}
}

class JugadorPendiente {
  nombre?: string; // puede no estar configurado aún

  configurar(nombre: string): void {
    this.nombre = nombre;
  }
}

const j = new Jugador("Dani");
const p = new JugadorPendiente();
p.configurar("Eli");
export { j };
```

Existe también `nombre!: string` (aserción de asignación definitiva), pero solo conviene cuando un framework garantiza la inicialización por otra vía."""),

("error_correction",
r"""¿Por qué obtengo `error TS2454: Variable 'mensaje' is used before being assigned.`?

```ts-error
function estado(codigo: number): string {
  let mensaje: string;
  if (codigo === 200) {
    mensaje = "OK";
  } else if (codigo === 404) {
    mensaje = "No encontrado";
  }
  return mensaje;
}
```""",
r"""Si `codigo` no es 200 ni 404, ninguna rama asigna `mensaje`, y la función devolvería `undefined` aunque el tipo diga `string`. El análisis de flujo detecta ese camino.

Asegura que todos los caminos asignan un valor:

```ts
function estado(codigo: number): string {
  let mensaje: string;
  if (codigo === 200) {
    mensaje = "OK";
  } else if (codigo === 404) {
    mensaje = "No encontrado";
  } else {
    mensaje = `Código ${codigo}`;
  }
  return mensaje;
}

// Más compacto con un objeto de consulta:
const textos: Record<number, string | undefined> = { 200: "OK", 404: "No encontrado" };
const estado2 = (codigo: number): string => textos[codigo] ?? `Código ${codigo}`;
export { estado, estado2 };
```"""),

("error_correction",
r"""No puedo añadir propiedades a un objeto: `error TS2339: Property 'nombre' does not exist on type '{}'.`

```ts-error
const perfil = {};
perfil.nombre = "Irene";
perfil.edad = 28;
```""",
r"""Al inicializar con `{}`, TypeScript infiere el tipo `{}`: un objeto sin propiedades conocidas. Los tipos no crecen al añadir propiedades después, así que `nombre` y `edad` no existen para el compilador.

Declara el tipo desde el principio o crea el objeto completo de una vez:

```ts
// 1. Objeto completo en un solo literal (lo más sencillo).
const perfil = { nombre: "Irene", edad: 28 };

// 2. Si se rellena por partes, declara la forma con opcionales.
interface Perfil {
  nombre?: string;
  edad?: number;
}
const borrador: Perfil = {};
borrador.nombre = "Irene";
borrador.edad = 28;

// 3. Para claves arbitrarias, un diccionario.
const extras: Record<string, string> = {};
extras.ciudad = "Bilbao";
export { perfil };
```"""),

("error_correction",
r"""¿Qué quiere decir `error TS2349: This expression is not callable.`?

```ts-error
const opciones = {
  saludo: "Hola",
  despedida: () => "Adiós",
};

console.log(opciones.saludo());
```""",
r"""Estás intentando llamar como función a algo que no lo es: `opciones.saludo` es una cadena, no una función. Solo `despedida` se puede invocar.

Accede a la propiedad sin paréntesis, o conviértela en función si debe calcularse:

```ts
const opciones = {
  saludo: "Hola",
  despedida: () => "Adiós",
  saludoA: (nombre: string) => `Hola, ${nombre}`,
};

console.log(opciones.saludo);         // "Hola"
console.log(opciones.despedida());    // "Adiós"
console.log(opciones.saludoA("Ane")); // "Hola, Ane"
export {};
```

El mensaje completo suele añadir una línea como «Type 'String' has no call signatures», que confirma que el tipo no tiene firma de llamada."""),

("error_correction",
r"""Me da `error TS2769: No overload matches this call.` al rellenar una plantilla:

```ts-error
const plantilla = "Total: {precio} €";
const precio = 25;
const texto = plantilla.replace("{precio}", precio);
```""",
r"""`replace` tiene dos sobrecargas: una cuyo segundo argumento es la cadena de reemplazo y otra cuyo segundo argumento es una función que la calcula. Un `number` no encaja en ninguna, así que el compilador informa de que ninguna sobrecarga sirve.

Convierte el número a texto, o usa una plantilla literal directamente:

```ts
const plantilla = "Total: {precio} €";
const precio = 25;

// 1. Reemplazo con una cadena.
const texto = plantilla.replace("{precio}", String(precio));

// 2. Reemplazo con una función.
const texto2 = plantilla.replace("{precio}", () => precio.toFixed(2));

// 3. Sin plantilla intermedia.
const texto3 = `Total: ${precio} €`;
export { texto, texto2, texto3 };
```

Cuando veas TS2769, lee las líneas siguientes del mensaje: indican por qué falla cada sobrecarga (a veces solo la última), y eso señala qué argumento corregir."""),

("error_correction",
r"""¿Por qué falla este `await`? `error TS1308: 'await' expressions are only allowed within async functions and at the top levels of modules.`

```ts-error
function cargar(): string {
  const respuesta = await fetch("/api/datos");
  return "ok";
}
```""",
r"""`await` solo puede usarse dentro de funciones `async` (o en el nivel superior de un módulo con la configuración adecuada). Al hacer la función asíncrona, su tipo de retorno pasa a ser una `Promise`.

```ts
async function cargar(): Promise<string> {
  const respuesta = await fetch("/api/datos");
  if (!respuesta.ok) {
    return `error ${respuesta.status}`;
  }
  return "ok";
}

// Quien llama debe esperar el resultado:
async function iniciar(): Promise<void> {
  const estado = await cargar();
  console.log(estado);
}
void iniciar();
export {};
```

Una función `async` siempre devuelve una promesa, así que el cambio se propaga: las funciones que la llaman también tendrán que usar `await` o `.then`."""),

("error_correction",
r"""Tengo `error TS2355: A function whose declared type is neither 'undefined', 'void', nor 'any' must return a value.`

```ts-error
function iva(precio: number): number {
  precio * 1.21;
}
```""",
r"""La función declara que devuelve `number`, pero su cuerpo no tiene ningún `return`: calcula `precio * 1.21` y descarta el resultado. Es un despiste frecuente al pasar de una función flecha con cuerpo de expresión a una con llaves.

Añade el `return`, o usa una función flecha de expresión, que devuelve implícitamente:

```ts
function iva(precio: number): number {
  return precio * 1.21;
}

const ivaFlecha = (precio: number): number => precio * 1.21;

iva(100);       // 121
ivaFlecha(100); // 121
export {};
```

Si la función realmente no debe devolver nada, cambia el tipo de retorno a `void`."""),

("error_correction",
r"""¿Qué significa `error TS2588: Cannot assign to 'total' because it is a constant.`?

```ts-error
const total = 0;
for (const precio of [10, 20, 30]) {
  total += precio;
}
```""",
r"""Una variable declarada con `const` no se puede reasignar, y `total += precio` es una reasignación. Si el valor debe acumularse, la variable tiene que ser `let`.

```ts
let total = 0;
for (const precio of [10, 20, 30]) {
  total += precio;
}

// Alternativa sin reasignaciones:
const total2 = [10, 20, 30].reduce((suma, precio) => suma + precio, 0);
console.log(total, total2); // 60 60
export {};
```

Fíjate en que `const precio` en el bucle sí es correcto: en cada iteración se crea una variable nueva, no se reasigna la anterior."""),

("error_correction",
r"""Me aparece `error TS2365: Operator '>' cannot be applied to types 'string' and 'number'.`

```ts-error
const stock = "12";

if (stock > 10) {
  console.log("Hay suficiente");
}
```""",
r"""Comparar una cadena con un número obliga a JavaScript a convertir uno de ellos de forma implícita, lo que da resultados sorprendentes (`"abc" > 10` es `false`, igual que `"abc" < 10`). TypeScript prohíbe esa mezcla.

Convierte la cadena a número antes de comparar:

```ts
const stock = "12";
const unidades = Number(stock);

if (!Number.isNaN(unidades) && unidades > 10) {
  console.log("Hay suficiente");
}
export {};
```

Lo ideal es convertir el dato en cuanto entra al programa (al leer un formulario, un CSV o una URL), para que el resto del código trabaje ya con el tipo correcto."""),

("error_correction",
r"""¿Por qué no puedo restar fechas? `error TS2362: The left-hand side of an arithmetic operation must be of type 'any', 'number', 'bigint' or an enum type.`

```ts-error
const inicio = new Date(2024, 0, 1);
const fin = new Date(2024, 0, 15);
const dias = (fin - inicio) / (1000 * 60 * 60 * 24);
```""",
r"""En JavaScript, restar fechas funciona porque se convierten implícitamente a milisegundos, pero TypeScript solo permite operaciones aritméticas con números, `bigint` o enums. Un `Date` es un objeto.

Obtén los milisegundos de forma explícita con `getTime()`:

```ts
const inicio = new Date(2024, 0, 1);
const fin = new Date(2024, 0, 15);

const MS_POR_DIA = 1000 * 60 * 60 * 24;
const dias = (fin.getTime() - inicio.getTime()) / MS_POR_DIA;
console.log(dias); // 14
export {};
```

También vale `Number(fin) - Number(inicio)` o `+fin - +inicio`, pero `getTime()` expresa mejor la intención."""),

("error_correction",
r"""Tengo `error TS2448: Block-scoped variable 'tasa' used before its declaration.`

```ts-error
const precioFinal = 100 * (1 + tasa);
const tasa = 0.21;
```""",
r"""Las variables `let` y `const` existen desde el inicio de su bloque, pero no se pueden usar hasta la línea donde se declaran (la «zona muerta temporal»). Aquí `tasa` se usa una línea antes de declararse, y en ejecución lanzaría un `ReferenceError`.

Declara la variable antes de usarla:

```ts
const tasa = 0.21;
const precioFinal = 100 * (1 + tasa);
console.log(precioFinal); // 121
export {};
```

Las declaraciones `function` sí se pueden usar antes de la línea donde aparecen (se «elevan»), pero las funciones guardadas en `const` siguen la misma regla que cualquier otra constante."""),

("error_correction",
r"""¿Qué significa `error TS2683: 'this' implicitly has type 'any' because it does not have a type annotation.`?

```ts-error
function mostrarNombre() {
  return this.nombre;
}

const persona = { nombre: "Sergio", mostrarNombre };
```""",
r"""Dentro de una función normal, `this` depende de cómo se llame la función, así que el compilador no sabe su tipo. Con `noImplicitThis` (incluida en `--strict`), no acepta que sea `any`.

Declara el tipo de `this` como primer parámetro ficticio, o define la función como método del objeto:

```ts
interface ConNombre {
  nombre: string;
}

// 1. Parámetro this: no es un argumento real, solo tipa this.
function mostrarNombre(this: ConNombre): string {
  return this.nombre;
}
const persona = { nombre: "Sergio", mostrarNombre };
persona.mostrarNombre(); // "Sergio"

// 2. Método dentro del objeto: this se infiere.
const otra = {
  nombre: "Rut",
  mostrar() {
    return this.nombre;
  },
};
otra.mostrar();
export {};
```"""),

("error_correction",
r"""¿Por qué falla este tipo de retorno? `error TS1064: The return type of an async function or method must be the global Promise<T> type. Did you mean to write 'Promise<number>'?`

```ts-error
async function contarUsuarios(): number {
  return 42;
}
```""",
r"""Una función `async` siempre devuelve una promesa, aunque dentro hagas `return 42`. Por eso su tipo de retorno debe ser `Promise<...>`, no el valor directo.

```ts
async function contarUsuarios(): Promise<number> {
  return 42;
}

async function mostrar(): Promise<void> {
  const n = await contarUsuarios(); // n: number
  console.log(`${n} usuarios`);
}
void mostrar();
export {};
```

Dentro de la función sigues devolviendo un `number`; es `async` quien lo envuelve en la promesa. Quien llama obtiene el número con `await` o con `.then`."""),

("error_correction",
r"""Me sale `error TS2352: Conversion of type 'string' to type 'number' may be a mistake because neither type sufficiently overlaps with the other.`

```ts-error
const texto = "42";
const numero = texto as number;
```""",
r"""`as` no convierte valores: solo cambia lo que el compilador cree sobre el tipo. Como `string` y `number` no tienen relación, TypeScript sospecha que es un error. Y lo es: en ejecución, `numero` seguiría siendo la cadena `"42"`.

Para convertir, usa una función de conversión real:

```ts
const texto = "42";

const numero = Number(texto);                 // 42
const entero = Number.parseInt(texto, 10);    // 42
const decimal = Number.parseFloat("3.5");     // 3.5

console.log(numero + 1); // 43, no "421"
export { entero, decimal };
```

El mensaje sugiere pasar antes por `unknown` (`texto as unknown as number`) si la conversión fuera intencionada, pero eso solo silencia el error: el valor seguiría siendo una cadena."""),

("error_correction",
r"""¿Qué significa `error TS2367: This comparison appears to be unintentional because the types 'EstadoTicket' and '"cerrado"' have no overlap.`?

```ts-error
type EstadoTicket = "abierto" | "pendiente" | "resuelto";

function puedeReabrirse(estado: EstadoTicket): boolean {
  return estado === "cerrado";
}
```""",
r"""`"cerrado"` no forma parte de `EstadoTicket`, así que la comparación nunca puede ser verdadera. Suele ser una errata o un estado que cambió de nombre.

Compara con un valor que exista en la unión, o añade el estado al tipo si es nuevo:

```ts
type EstadoTicket = "abierto" | "pendiente" | "resuelto";

function puedeReabrirse(estado: EstadoTicket): boolean {
  return estado === "resuelto";
}

puedeReabrirse("resuelto"); // true
export {};
```

Este error es una de las grandes ventajas de usar uniones de literales: si renombras un estado, el compilador señala todas las comparaciones que se han quedado obsoletas."""),

("error_correction",
r"""Al heredar de una clase tengo `error TS2416: Property 'hablar' in type 'Loro' is not assignable to the same property in base type 'Ave'.`

```ts-error
class Ave {
  hablar(): string {
    return "pío";
  }
}

class Loro extends Ave {
  hablar(): number {
    return 42;
  }
}
```""",
r"""Al sobrescribir un método, la subclase debe seguir siendo usable donde se espera la clase base. `Ave.hablar` devuelve `string`, y `Loro.hablar` devuelve `number`: el código que trata un `Loro` como `Ave` recibiría un tipo inesperado.

Mantén una firma compatible con la de la clase base:

```ts
class Ave {
  hablar(): string {
    return "pío";
  }
}

class Loro extends Ave {
  constructor(private frase: string) {
    super();
  }

  override hablar(): string {
    return this.frase;
  }
}

const aves: Ave[] = [new Ave(), new Loro("hola")];
aves.forEach((a) => console.log(a.hablar()));
export {};
```

La palabra `override` es opcional, pero documenta la intención y, con `noImplicitOverride`, evita sobrescrituras accidentales."""),

("error_correction",
r"""¿Qué falta aquí? `error TS2515: Non-abstract class 'Circulo' does not implement inherited abstract member area from class 'Figura'.`

```ts-error
abstract class Figura {
  abstract area(): number;

  describir(): string {
    return `Área: ${this.area().toFixed(2)}`;
  }
}

class Circulo extends Figura {
  constructor(public radio: number) {
    super();
  }
}
```""",
r"""Un método `abstract` no tiene implementación en la clase base: cada subclase concreta está obligada a proporcionarla. `Circulo` no es abstracta y no implementa `area`, así que `describir()` no tendría qué llamar.

Implementa el método en la subclase:

```ts
abstract class Figura {
  abstract area(): number;

  describir(): string {
    return `Área: ${this.area().toFixed(2)}`;
  }
}

class Circulo extends Figura {
  constructor(public radio: number) {
    super();
  }

  area(): number {
    return Math.PI * this.radio ** 2;
  }
}

new Circulo(1).describir(); // "Área: 3.14"
export {};
```

Si `Circulo` también fuera una clase intermedia sin implementación, podrías declararla `abstract`, pero entonces no se podría instanciar."""),

("error_correction",
r"""Tengo `error TS2556: A spread argument must either have a tuple type or be passed to a rest parameter.`

```ts-error
function punto(x: number, y: number): string {
  return `(${x}, ${y})`;
}

const coords = [3, 4];
punto(...coords);
```""",
r"""`coords` se infiere como `number[]`, un array de longitud desconocida. El compilador no puede garantizar que tenga exactamente dos elementos, así que no acepta propagarlo en una función con dos parámetros fijos.

Haz que el array sea una tupla:

```ts
function punto(x: number, y: number): string {
  return `(${x}, ${y})`;
}

// 1. as const: tupla de solo lectura [3, 4].
const coords = [3, 4] as const;
punto(...coords);

// 2. Anotación de tupla explícita.
const otras: [number, number] = [5, 6];
punto(...otras);
export {};
```

Si la función debe aceptar cualquier cantidad de números, decláralo con un parámetro resto: `function sumar(...valores: number[])`."""),

("error_correction",
r"""¿Por qué falla esta interfaz? `error TS2411: Property 'edad' of type 'number' is not assignable to 'string' index type 'string'.`

```ts-error
interface Atributos {
  [clave: string]: string;
  edad: number;
}
```""",
r"""Una firma de índice `[clave: string]: string` dice que cualquier propiedad del objeto es una cadena. `edad` también es una propiedad con clave de texto, así que debe cumplir esa regla, y `number` no la cumple.

Amplía el tipo de la firma o separa los datos:

```ts
// 1. La firma admite ambos tipos.
interface Atributos {
  [clave: string]: string | number;
  edad: number;
}
const a: Atributos = { edad: 30, ciudad: "Vigo" };

// 2. Propiedades fijas y un diccionario aparte (más claro).
interface Persona {
  edad: number;
  extras: Record<string, string>;
}
const p: Persona = { edad: 30, extras: { ciudad: "Vigo" } };
export { a, p };
```

La segunda opción evita que al leer una clave desconocida tengas que distinguir entre `string` y `number`."""),

("error_correction",
r"""Me da `error TS2722: Cannot invoke an object which is possibly 'undefined'.`

```ts-error
interface Opciones {
  alTerminar?: (resultado: string) => void;
}

function procesar(datos: string, opciones: Opciones): void {
  const resultado = datos.toUpperCase();
  opciones.alTerminar(resultado);
}
```""",
r"""`alTerminar` es opcional, así que puede no existir. Llamar a `undefined` como función lanzaría un `TypeError`.

Usa la llamada opcional `?.()`, que solo invoca la función si está definida:

```ts
interface Opciones {
  alTerminar?: (resultado: string) => void;
}

function procesar(datos: string, opciones: Opciones): void {
  const resultado = datos.toUpperCase();
  opciones.alTerminar?.(resultado);
}

procesar("hola", {});                                  // no hace nada más
procesar("hola", { alTerminar: (r) => console.log(r) }); // imprime "HOLA"
export {};
```

Si el callback es imprescindible, la solución correcta es quitar el `?` de la interfaz para que quien llama esté obligado a pasarlo."""),

("error_correction",
r"""¿Por qué no puedo borrar esta propiedad? `error TS2790: The operand of a 'delete' operator must be optional.`

```ts-error
interface Sesion {
  usuario: string;
  token: string;
}

function cerrar(sesion: Sesion): void {
  delete sesion.token;
}
```""",
r"""Con `strictNullChecks`, solo se pueden borrar con `delete` propiedades opcionales. Si `token` es obligatoria, borrarla dejaría un objeto que ya no cumple `Sesion`.

Elige según el diseño:

```ts
// 1. Si el token puede faltar, hazlo opcional.
interface Sesion {
  usuario: string;
  token?: string;
}

function cerrar(sesion: Sesion): void {
  delete sesion.token;
}

// 2. O, sin mutar, crea un objeto nuevo sin la propiedad.
interface SesionActiva {
  usuario: string;
  token: string;
}

function sinToken(s: SesionActiva): Omit<SesionActiva, "token"> {
  const { token, ...resto } = s;
  return resto;
}
cerrar({ usuario: "ana", token: "x" });
export { sinToken };
```"""),

("error_correction",
r"""Tengo `error TS2678: Type '"sabado"' is not comparable to type 'DiaLaboral'.` en un `switch`:

```ts-error
type DiaLaboral = "lunes" | "martes" | "miercoles" | "jueves" | "viernes";

function horario(dia: DiaLaboral): string {
  switch (dia) {
    case "lunes":
      return "9-18";
    case "sabado":
      return "10-14";
    default:
      return "9-17";
  }
}
```""",
r"""Un `case` solo tiene sentido si su valor puede coincidir con la expresión del `switch`. `dia` es un `DiaLaboral`, que no incluye `"sabado"`, así que ese caso nunca se ejecutaría.

Si el sábado se trabaja, amplía el tipo; si no, elimina el caso:

```ts
type DiaLaboral = "lunes" | "martes" | "miercoles" | "jueves" | "viernes";
type Dia = DiaLaboral | "sabado" | "domingo";

function horario(dia: Dia): string {
  switch (dia) {
    case "lunes":
      return "9-18";
    case "sabado":
      return "10-14";
    case "domingo":
      return "cerrado";
    default:
      return "9-17";
  }
}

horario("sabado"); // "10-14"
export {};
```"""),

("error_correction",
r"""¿Qué significa `error TS2801: This condition will always return true since this 'Promise<boolean>' is always defined.`?

```ts-error
async function tienePermiso(usuario: string): Promise<boolean> {
  return usuario === "admin";
}

async function borrar(usuario: string): Promise<void> {
  if (tienePermiso(usuario)) {
    console.log("Borrando...");
  }
}
```""",
r"""Falta `await`. `tienePermiso(usuario)` devuelve una promesa, y un objeto promesa siempre es verdadero en un `if`, resuelva a `true` o a `false`. Sin el aviso, cualquier usuario podría borrar.

Espera el resultado antes de comprobarlo:

```ts
async function tienePermiso(usuario: string): Promise<boolean> {
  return usuario === "admin";
}

async function borrar(usuario: string): Promise<void> {
  if (await tienePermiso(usuario)) {
    console.log("Borrando...");
  } else {
    console.log("Sin permiso");
  }
}

void borrar("invitado"); // "Sin permiso"
export {};
```

Es un error de seguridad real y frecuente; el mensaje completo incluso sugiere «Did you forget to use 'await'?»."""),

("error_correction",
r"""Me sale `error TS4104: The type 'readonly ["es", "en", "pt"]' is 'readonly' and cannot be assigned to the mutable type 'string[]'.`

```ts-error
const IDIOMAS = ["es", "en", "pt"] as const;

function ordenar(lista: string[]): string[] {
  return lista.sort();
}

ordenar(IDIOMAS);
```""",
r"""`IDIOMAS` es de solo lectura (por `as const`), pero `ordenar` pide un `string[]` mutable. Además, `sort()` ordena el array en el sitio, así que modificaría una constante que prometiste no cambiar.

Acepta un array de solo lectura en el parámetro y no lo mutes:

```ts
const IDIOMAS = ["es", "en", "pt"] as const;

function ordenar(lista: readonly string[]): string[] {
  return [...lista].sort(); // copia antes de ordenar
}

ordenar(IDIOMAS);          // ["en", "es", "pt"]
ordenar(["b", "a"]);       // también acepta arrays normales
export {};
```

Declarar parámetros como `readonly T[]` es una buena costumbre: acepta ambos tipos de array y documenta que la función no los modifica. Desde ES2023 también existe `toSorted()`, que devuelve una copia."""),

("error_correction",
r"""¿Por qué falla esta asignación? `error TS2322: Type 'string[]' is not assignable to type 'number[]'.`

```ts-error
interface Producto {
  codigo: string;
  precio: number;
}

const productos: Producto[] = [{ codigo: "A1", precio: 5 }];
const precios: number[] = productos.map((p) => p.codigo);
```""",
r"""El callback de `map` devuelve `p.codigo`, que es `string`, así que el resultado es `string[]`. La variable se declaró como `number[]`, y por eso no encaja. Lo más probable es que quisieras el precio.

Devuelve la propiedad correcta:

```ts
interface Producto {
  codigo: string;
  precio: number;
}

const productos: Producto[] = [{ codigo: "A1", precio: 5 }];

const precios: number[] = productos.map((p) => p.precio);
const codigos: string[] = productos.map((p) => p.codigo);
export { precios, codigos };
```

La anotación en `precios` es la que ha detectado el error. Sin ella, el compilador habría inferido `string[]` y el fallo aparecería más tarde, al operar con esos valores."""),

("error_correction",
r"""Trabajando con el DOM tengo `error TS18047: 'titulo' is possibly 'null'.`

```ts-error
const titulo = document.querySelector("h1");
titulo.textContent = "Bienvenida";
```""",
r"""`querySelector` devuelve `null` si no encuentra ningún elemento, así que su tipo es `HTMLHeadingElement | null`. El compilador te obliga a considerar que el `<h1>` podría no existir.

Comprueba el resultado antes de usarlo:

```ts
const titulo = document.querySelector("h1");
if (titulo) {
  titulo.textContent = "Bienvenida";
} else {
  console.warn("No hay <h1> en la página");
}

// Si su ausencia es un error de programación, falla pronto:
function obtener<T extends Element>(selector: string): T {
  const el = document.querySelector<T>(selector);
  if (!el) throw new Error(`No existe ${selector}`);
  return el;
}
const boton = obtener<HTMLButtonElement>("#enviar");
export { boton };
```

Usar `titulo!` también compila, pero si el elemento falta el error aparecerá en ejecución sin una explicación clara."""),

("error_correction",
r"""¿Qué significa `error TS7031: Binding element 'nombre' implicitly has an 'any' type.`?

```ts-error
function presentar({ nombre, edad }) {
  return `${nombre} tiene ${edad} años`;
}
```""",
r"""Al desestructurar un parámetro sin anotar su tipo, cada variable extraída (`nombre`, `edad`) sería `any`. Con `noImplicitAny` (parte de `--strict`), el compilador exige el tipo.

La anotación va después de todo el patrón, no dentro de él:

```ts
interface Persona {
  nombre: string;
  edad: number;
}

function presentar({ nombre, edad }: Persona): string {
  return `${nombre} tiene ${edad} años`;
}

// Con tipo en línea y un valor por defecto:
function saludar({ nombre, formal = false }: { nombre: string; formal?: boolean }): string {
  return formal ? `Buenos días, ${nombre}` : `Hola, ${nombre}`;
}

presentar({ nombre: "Clara", edad: 40 });
saludar({ nombre: "Clara" });
export {};
```

Un error común es escribir `{ nombre: string }` dentro del patrón: eso no anota el tipo, sino que renombra la variable a `string`."""),

("error_correction",
r"""No entiendo por qué falla: `error TS2322: Type 'Promise<string>' is not assignable to type 'string'.`

```ts-error
async function leerNombre(): Promise<string> {
  return "Marcos";
}

function mostrar(): void {
  const nombre: string = leerNombre();
  console.log(nombre);
}
```""",
r"""`leerNombre` es asíncrona y devuelve una `Promise<string>`, no directamente una cadena. Para obtener el valor hay que esperarla con `await`, y eso exige que `mostrar` también sea asíncrona.

```ts
async function leerNombre(): Promise<string> {
  return "Marcos";
}

async function mostrar(): Promise<void> {
  const nombre: string = await leerNombre();
  console.log(nombre);
}

// Alternativa sin async: encadenar con then.
function mostrarConThen(): void {
  void leerNombre().then((nombre) => console.log(nombre));
}

void mostrar();
mostrarConThen();
export {};
```

Olvidar `await` es uno de los errores más comunes; la anotación `: string` en la variable es la que ha permitido detectarlo aquí."""),

# ---------------------------------------------------------------- definition
("definition",
r"""¿Cómo se lee un mensaje de error largo de TypeScript?""",
r"""Los errores de asignación suelen ser una cadena de explicaciones encadenadas. La primera línea da el resumen (qué tipo no encaja en cuál) y cada línea indentada baja un nivel en la estructura, hasta llegar a la causa concreta. Lo más útil suele estar en la última línea.

Por ejemplo, al asignar un objeto anidado incorrecto, el compilador explica que el tipo externo no encaja, después que la propiedad `direccion` no encaja y, por último, que `cp` es `number` cuando debería ser `string`.

```ts
interface Cliente {
  nombre: string;
  direccion: { calle: string; cp: string };
}

// Versión correcta del objeto que provocaría esa cadena de errores:
const c: Cliente = {
  nombre: "Olga",
  direccion: { calle: "Mayor 1", cp: "28013" },
};
export { c };
```

Consejos: lee primero la última línea, localiza la propiedad señalada y fíjate en el código de error (TSxxxx), que sirve para buscar documentación."""),

("definition",
r"""¿Qué indican los códigos como TS2322 o TS7006 en los errores de TypeScript?""",
r"""Son identificadores estables de cada tipo de diagnóstico. El texto del mensaje puede variar entre versiones, pero el código se mantiene, así que es la mejor forma de buscar información o de referirse a un error concreto.

A grandes rasgos, los rangos agrupan errores parecidos:

- 1xxx: errores de sintaxis y de gramática.
- 2xxx: errores semánticos y de tipos, los más habituales (TS2322, TS2345, TS2339).
- 5xxx y 6xxx: opciones del compilador y mensajes de configuración.
- 7xxx: problemas de `any` implícito y comprobaciones de estricto, como TS7006.
- 18xxx: diagnósticos añadidos en versiones recientes, como TS18048.

```ts
// TS7006 desaparece al anotar el parámetro:
export function doble(n: number): number {
  return n * 2;
}
```

Los códigos también sirven en las directivas de algunas herramientas y en la configuración de editores para filtrar diagnósticos."""),

("definition",
r"""¿Qué es la directiva `// @ts-expect-error`?""",
r"""Es un comentario que le dice al compilador: «en la línea siguiente espero un error de tipos; no lo muestres». Si la línea siguiente no tiene ningún error, la directiva misma produce un error, lo que evita que queden supresiones obsoletas.

```ts
function dividir(a: number, b: number): number {
  if (b === 0) throw new RangeError("División por cero");
  return a / b;
}

// En un test queremos comprobar qué pasa con datos incorrectos:
// @ts-expect-error: se pasa una cadena a propósito
const r = dividir("10", 2);
console.log(r); // en ejecución, "10" / 2 da 5
export {};
```

Es útil en pruebas que verifican comportamiento con entradas inválidas y en migraciones graduales. Añade siempre una explicación después de la directiva para que otros sepan por qué está ahí."""),

# ---------------------------------------------------------------- example
("example",
r"""Dame un ejemplo de pruebas de tipos usando `@ts-expect-error`.""",
r"""Puedes escribir archivos de «pruebas de tipos» que solo se compilan: las líneas válidas comprueban que algo compila, y las marcadas con `@ts-expect-error` comprueban que algo no compila. Si un cambio rompe cualquiera de las dos cosas, `tsc` falla.

```ts
type Moneda = "EUR" | "USD";

function formatear(cantidad: number, moneda: Moneda): string {
  return `${cantidad.toFixed(2)} ${moneda}`;
}

// Debe compilar:
formatear(10, "EUR");

// No debe compilar: moneda no admitida.
// @ts-expect-error
formatear(10, "JPY");

// No debe compilar: cantidad como texto.
// @ts-expect-error
formatear("10", "USD");
export {};
```

Si algún día `Moneda` incluyera `"JPY"`, la primera directiva quedaría sin error y `tsc` avisaría con «Unused '@ts-expect-error' directive», señalando que el contrato ha cambiado."""),

("example",
r"""¿Cómo puedo ver el tipo real que infiere TypeScript para depurar un error?""",
r"""Hay varias técnicas sencillas:

1. Pasar el ratón por encima de la variable en el editor.
2. Asignar el valor a una variable con el tipo que esperas: el error dirá exactamente qué no encaja.
3. Usar un tipo auxiliar que «aplane» intersecciones y utilidades para verlas como un objeto simple.

```ts
// Aplana el tipo para que el editor lo muestre expandido.
type Mostrar<T> = { [K in keyof T]: T[K] } & {};

interface Base {
  id: number;
}
type Usuario = Base & Partial<{ nombre: string; email: string }>;

type UsuarioVisible = Mostrar<Usuario>;
// Al pasar el ratón: { id: number; nombre?: string; email?: string }

const u = { id: 1, nombre: "Gael" };
// Comprobación: si u no encajara, el error explicaría la diferencia.
const comprobado: UsuarioVisible = u;
export { comprobado };
```

`satisfies` también es útil para comprobar un valor contra un tipo sin cambiar lo que se infiere de él."""),

# ---------------------------------------------------------------- comparison
("comparison",
r"""¿Qué diferencia hay entre `// @ts-ignore` y `// @ts-expect-error`?""",
r"""Ambas suprimen los errores de la línea siguiente, pero:

- `@ts-ignore` no dice nada si la línea no tiene error: puede quedarse olvidada para siempre y ocultar errores futuros.
- `@ts-expect-error` falla si la línea no tiene error, así que te avisa cuando la supresión ya no es necesaria.

```ts
function longitud(s: string): number {
  return s.length;
}

// @ts-expect-error: prueba deliberada con un número
const a = longitud(42); // en ejecución devuelve undefined

// Si corrigieras la llamada anterior a longitud("42"), tsc marcaría
// la directiva como innecesaria. Con @ts-ignore no te enterarías.
console.log(a);
export {};
```

Prefiere siempre `@ts-expect-error` con un comentario que explique el motivo. Mejor aún: intenta corregir el tipo en vez de suprimir el error, y deja las supresiones para pruebas y migraciones."""),

("comparison",
r"""¿Qué errores detecta TypeScript al compilar y cuáles solo aparecen en ejecución?""",
r"""TypeScript detecta errores en la forma de los datos que conoce: tipos incompatibles, propiedades inexistentes, argumentos que faltan, valores posiblemente nulos o casos no cubiertos. No detecta lo que depende de datos reales en ejecución:

- Datos externos mal tipados (JSON, APIs), sobre todo si se usan `any` o `as`.
- Errores lógicos: una división por cero o una condición mal pensada.
- Accesos fuera de rango en arrays (salvo con `noUncheckedIndexedAccess`).

```ts
interface Usuario {
  nombre: string;
}

// Compila, pero si la API devuelve {} fallará en ejecución:
const datos = JSON.parse('{}') as Usuario;
// datos.nombre.toUpperCase(); // TypeError en ejecución

// Protección real: validar en la frontera.
function esUsuario(v: unknown): v is Usuario {
  return typeof v === "object" && v !== null && "nombre" in v && typeof v.nombre === "string";
}
const crudo: unknown = JSON.parse('{}');
console.log(esUsuario(crudo) ? crudo.nombre : "datos no válidos");
export { datos };
```"""),

# ---------------------------------------------------------------- complexity
("complexity",
r"""¿Por qué algunos mensajes de error de TypeScript son enormes y cómo puedo simplificarlos?""",
r"""Los mensajes crecen cuando el compilador tiene que mostrar tipos anónimos grandes: intersecciones largas, tipos mapeados expandidos, uniones con muchos miembros o genéricos anidados. Cada nivel de la cadena de explicación repite parte de esos tipos.

Técnicas para simplificarlos:

- Dar nombre a los tipos con `interface`: el mensaje muestra el nombre en lugar de la estructura.
- Anotar tipos intermedios y de retorno, para que el error aparezca cerca de la causa.
- Dividir las expresiones grandes en pasos con variables tipadas.

```ts
interface LineaPedido {
  sku: string;
  cantidad: number;
}
interface Pedido {
  id: string;
  lineas: LineaPedido[];
}

// Con tipos con nombre y pasos intermedios, un fallo en una línea
// se señala en LineaPedido, no en un objeto anónimo gigante.
const linea: LineaPedido = { sku: "A-1", cantidad: 2 };
const pedido: Pedido = { id: "P-1", lineas: [linea] };
export { pedido };
```

Como ventaja adicional, los tipos con nombre también se comprueban más rápido."""),
]
