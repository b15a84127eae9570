"""Filas del tema «enums»: (categoría, instrucción, respuesta)."""

TOPIC = "enums"

ROWS = [
# ---------------------------------------------------------------- definition
("definition",
r"""¿Qué es un enum en TypeScript?""",
r"""Un `enum` define un conjunto de constantes con nombre. Es una de las pocas construcciones de TypeScript que existen también en ejecución: el compilador genera un objeto JavaScript con esos valores.

```ts
enum Direccion {
  Arriba,
  Abajo,
  Izquierda,
  Derecha,
}

function mover(d: Direccion): string {
  return `Moviendo hacia ${Direccion[d]}`;
}

mover(Direccion.Izquierda); // "Moviendo hacia Izquierda"
export {};
```

El nombre del enum sirve a la vez como tipo (`d: Direccion`) y como valor (`Direccion.Izquierda`). Sus miembros pueden ser numéricos o de cadena."""),

("definition",
r"""¿Cómo se asignan los valores en un enum numérico?""",
r"""En un enum numérico, el primer miembro vale 0 si no le das valor, y cada miembro sin inicializador vale el anterior más uno. Puedes fijar el valor de cualquier miembro y la cuenta continúa desde ahí.

```ts
enum Prioridad {
  Baja,       // 0
  Media,      // 1
  Alta = 10,  // 10
  Critica,    // 11
}

enum CodigoHttp {
  Ok = 200,
  Creado,     // 201
  Aceptado,   // 202
  NoEncontrado = 404,
}

console.log(Prioridad.Critica, CodigoHttp.Aceptado); // 11 202
export {};
```

Cuidado al reordenar miembros sin valor explícito: sus números cambian, y los datos guardados con los valores antiguos dejan de coincidir. Para valores persistidos, asigna números explícitos."""),

("definition",
r"""¿Qué es un enum de cadenas?""",
r"""En un enum de cadenas cada miembro se inicializa con un literal de texto. No hay autoincremento, así que todos los miembros necesitan valor.

```ts
enum Nivel {
  Info = "INFO",
  Aviso = "WARN",
  Error = "ERROR",
}

function log(nivel: Nivel, mensaje: string): void {
  console.log(`[${nivel}] ${mensaje}`);
}

log(Nivel.Aviso, "Disco casi lleno"); // "[WARN] Disco casi lleno"
export {};
```

Ventajas frente a los numéricos: los valores son legibles en registros, en JSON y al depurar, y no hay mapeo inverso que añada claves extra al objeto. Además, TypeScript no deja asignar una cadena suelta al tipo del enum: hay que usar `Nivel.Info`."""),

("definition",
r"""¿Qué es un `const enum`?""",
r"""Un `const enum` es un enum que se elimina por completo al compilar: cada uso se sustituye por su valor literal, así que no se genera ningún objeto en ejecución.

```ts
const enum Unidad {
  Metro = 1,
  Kilometro = 1000,
}

const distancia = 5 * Unidad.Kilometro;
// JavaScript generado: const distancia = 5 * 1000 /* Unidad.Kilometro */;
export { distancia };
```

Limitaciones:

- No puedes recorrerlo ni usar `Unidad[1]` para obtener el nombre, porque el objeto no existe.
- Con `isolatedModules` (Vite, esbuild, Babel, SWC), los `const enum` exportados entre archivos dan problemas, ya que esas herramientas compilan archivo a archivo y no conocen los valores de otros módulos.

Por eso muchos proyectos prefieren uniones de literales u objetos `as const`."""),

("definition",
r"""¿Qué es el mapeo inverso de los enums numéricos?""",
r"""Para los enums numéricos, TypeScript genera un objeto con claves en ambos sentidos: de nombre a valor y de valor a nombre. Así puedes obtener el nombre de un miembro a partir de su número.

```ts
enum Estado {
  Pendiente,
  Enviado,
  Entregado,
}

const valor = Estado.Enviado; // 1
const nombre = Estado[valor]; // "Enviado"

// El objeto generado contiene:
// { "0": "Pendiente", "1": "Enviado", "2": "Entregado",
//   Pendiente: 0, Enviado: 1, Entregado: 2 }
console.log(Object.keys(Estado).length); // 6
export { nombre };
```

Los enums de cadenas no tienen mapeo inverso. Ten en cuenta esas claves extra si recorres el objeto: `Object.values` devuelve nombres y números mezclados."""),

("definition",
r"""¿Qué es un enum heterogéneo y es buena idea usarlo?""",
r"""Es un enum que mezcla miembros numéricos y de cadena. TypeScript lo permite, pero rara vez tiene sentido y suele indicar un diseño confuso.

```ts
enum Respuesta {
  No = 0,
  Si = "SI",
}

function esAfirmativa(r: Respuesta): boolean {
  return r === Respuesta.Si;
}
esAfirmativa(Respuesta.No); // false
export {};
```

Problemas: solo los miembros numéricos tienen mapeo inverso, recorrer el objeto devuelve valores mezclados y quien lee el código no sabe qué tipo esperar en la base de datos o en JSON. La recomendación es elegir un solo tipo de valor, normalmente cadenas, para todos los miembros."""),

("definition",
r"""¿Qué diferencia hay entre miembros constantes y miembros calculados en un enum?""",
r"""- Un miembro constante tiene un valor que el compilador conoce: un literal, una referencia a otro miembro constante o una expresión simple con ellos (`1 << 2`, `A | B`).
- Un miembro calculado se obtiene de una expresión que solo se evalúa en ejecución, como una llamada a función.

```ts
enum Archivo {
  Leer = 1 << 0,             // constante: 1
  Escribir = 1 << 1,         // constante: 2
  LeerEscribir = Leer | Escribir, // constante: 3
  Tamano = "abc".length,     // calculado: se evalúa en ejecución
}

console.log(Archivo.LeerEscribir, Archivo.Tamano); // 3 3
export {};
```

Solo los enums numéricos admiten miembros calculados, y un miembro calculado no puede ir seguido de un miembro sin inicializador. Los `const enum` solo admiten miembros constantes."""),

("definition",
r"""¿Qué código JavaScript genera un enum de TypeScript?""",
r"""Un enum normal se compila a una función que rellena un objeto. Por ejemplo, este enum:

```ts
export enum Talla {
  S = "S",
  M = "M",
  L = "L",
}
```

se convierte en este JavaScript:

```js
export var Talla;
(function (Talla) {
  Talla["S"] = "S";
  Talla["M"] = "M";
  Talla["L"] = "L";
})(Talla || (Talla = {}));
```

Por eso un enum ocupa espacio en el paquete final y puedes usarlo como valor: pasarlo a funciones, recorrerlo con `Object.values` o comprobar si contiene un valor. Los `const enum` y las uniones de literales, en cambio, no generan nada."""),

# ---------------------------------------------------------------- example
("example",
r"""Muéstrame un `switch` exhaustivo sobre un enum.""",
r"""Cubre todos los miembros y, en el `default`, asigna el valor a una variable de tipo `never`. Si alguien añade un miembro nuevo al enum, esa línea dará un error de compilación.

```ts
enum Vehiculo {
  Coche = "coche",
  Moto = "moto",
  Bici = "bici",
}

function ruedas(v: Vehiculo): number {
  switch (v) {
    case Vehiculo.Coche:
      return 4;
    case Vehiculo.Moto:
    case Vehiculo.Bici:
      return 2;
    default: {
      const sinCubrir: never = v;
      throw new Error(`Vehículo no contemplado: ${sinCubrir}`);
    }
  }
}

ruedas(Vehiculo.Bici); // 2
export {};
```

Así el compilador te avisa de todos los `switch` que debes actualizar."""),

("example",
r"""¿Cómo recorro todos los valores de un enum de cadenas?""",
r"""Como un enum de cadenas es un objeto en ejecución sin mapeo inverso, `Object.values` devuelve exactamente sus valores. Para tiparlos, indica el tipo del enum.

```ts
enum Pais {
  Espana = "ES",
  Mexico = "MX",
  Argentina = "AR",
}

const paises = Object.values(Pais) as Pais[]; // ["ES", "MX", "AR"]

for (const p of paises) {
  console.log(p);
}

// Útil para validar un valor externo:
function esPais(valor: string): valor is Pais {
  return (Object.values(Pais) as string[]).includes(valor);
}
esPais("MX"); // true
export {};
```

En un enum numérico esto no funciona igual: `Object.values` devolvería también los nombres por el mapeo inverso, y tendrías que filtrar con `typeof v === "number"`."""),

("example",
r"""Dame un ejemplo de enum usado como banderas de bits (flags).""",
r"""Asigna a cada miembro una potencia de dos con `<<`. Así puedes combinar permisos con `|`, comprobarlos con `&` y quitarlos con `& ~`.

```ts
enum Permiso {
  Ninguno = 0,
  Leer = 1 << 0,     // 1
  Escribir = 1 << 1, // 2
  Borrar = 1 << 2,   // 4
  Todos = Leer | Escribir | Borrar, // 7
}

function tiene(permisos: Permiso, p: Permiso): boolean {
  return (permisos & p) === p;
}

let editor = Permiso.Leer | Permiso.Escribir; // 3
tiene(editor, Permiso.Borrar);   // false
editor |= Permiso.Borrar;        // añade
editor &= ~Permiso.Escribir;     // quita
tiene(editor, Permiso.Borrar);   // true
export {};
```

Las operaciones de bits devuelven `number`, pero TypeScript permite asignarlas al enum numérico."""),

("example",
r"""¿Cómo creo una alternativa a un enum con un objeto `as const`?""",
r"""Declara un objeto `as const` y deriva la unión de sus valores con `typeof` y `keyof`. Obtienes un valor para usar en ejecución y un tipo, igual que con un enum, pero con JavaScript normal.

```ts
const Rol = {
  Admin: "admin",
  Editor: "editor",
  Lector: "lector",
} as const;

type Rol = (typeof Rol)[keyof typeof Rol]; // "admin" | "editor" | "lector"

function puedeEditar(rol: Rol): boolean {
  return rol === Rol.Admin || rol === Rol.Editor;
}

puedeEditar(Rol.Editor); // correcto
puedeEditar("lector");   // también correcto: es un literal válido
export {};
```

Usar el mismo nombre para la constante y el tipo es legal, porque viven en espacios distintos (valores y tipos). A diferencia de un enum de cadenas, aquí puedes pasar el literal directamente."""),

("example",
r"""¿Cómo convierto de forma segura una cadena que llega de una API en un miembro de un enum?""",
r"""Comprueba que la cadena está entre los valores del enum con un predicado de tipo. Tras la comprobación, TypeScript trata la variable como el enum.

```ts
enum EstadoPedido {
  Nuevo = "nuevo",
  Pagado = "pagado",
  Cancelado = "cancelado",
}

const valores = new Set<string>(Object.values(EstadoPedido));

function aEstado(valor: string): EstadoPedido | undefined {
  return valores.has(valor) ? (valor as EstadoPedido) : undefined;
}

const recibido = "pagado";
const estado = aEstado(recibido);
if (estado === undefined) {
  console.error("Estado desconocido:", recibido);
} else {
  console.log(estado === EstadoPedido.Pagado); // true
}
export {};
```

La aserción `as` está justificada porque la comprobación previa garantiza que el valor es válido."""),

("example",
r"""Muéstrame cómo usar un enum como clave de un `Record`.""",
r"""`Record<MiEnum, T>` exige una propiedad por cada miembro del enum. Si añades un miembro, el compilador te obliga a completar el objeto.

```ts
enum Idioma {
  Es = "es",
  En = "en",
  Fr = "fr",
}

const saludo: Record<Idioma, string> = {
  [Idioma.Es]: "Hola",
  [Idioma.En]: "Hello",
  [Idioma.Fr]: "Bonjour",
};

function saludar(idioma: Idioma): string {
  return saludo[idioma];
}

saludar(Idioma.Fr); // "Bonjour"
export {};
```

Las claves calculadas `[Idioma.Es]` dejan claro que la propiedad corresponde al miembro del enum. Si quieres que falten algunas traducciones, usa `Partial<Record<Idioma, string>>`."""),

("example",
r"""¿Cómo añado funciones auxiliares a un enum?""",
r"""Declara un `namespace` con el mismo nombre que el enum: TypeScript los fusiona, y las funciones quedan accesibles como `Enum.funcion`.

```ts
enum Mes {
  Enero = 1,
  Febrero,
  Marzo,
}

namespace Mes {
  export function esInvierno(m: Mes): boolean {
    return m === Mes.Enero || m === Mes.Febrero;
  }

  export function nombre(m: Mes): string {
    return Mes[m];
  }
}

Mes.esInvierno(Mes.Marzo); // false
Mes.nombre(Mes.Febrero);   // "Febrero"
export {};
```

Es una técnica válida, aunque poco común en código moderno: algunas herramientas y la opción `erasableSyntaxOnly` no admiten `namespace` con valores. Una alternativa simple son funciones sueltas exportadas desde el mismo módulo."""),

("example",
r"""¿Cómo obtengo el tipo con los nombres de los miembros de un enum?""",
r"""El nombre del enum como tipo representa sus valores. Para obtener los nombres de las claves usa `keyof typeof`.

```ts
enum Color {
  Rojo = "#ff0000",
  Verde = "#00ff00",
  Azul = "#0000ff",
}

type NombreColor = keyof typeof Color; // "Rojo" | "Verde" | "Azul"

function hex(nombre: NombreColor): Color {
  return Color[nombre];
}

hex("Verde"); // "#00ff00"
// hex("Amarillo"); // error: no es una clave de Color

// Útil al leer configuraciones escritas con nombres:
const desdeConfig: NombreColor = "Azul";
export { desdeConfig };
```

`typeof Color` es el tipo del objeto en ejecución, y `keyof` extrae sus claves."""),

# ---------------------------------------------------------------- error_correction
("error_correction",
r"""¿Por qué no puedo asignar una cadena a mi enum? Error: `error TS2322: Type '"activo"' is not assignable to type 'Estado'.`

```ts-error
enum Estado {
  Activo = "activo",
  Pausado = "pausado",
}

const e: Estado = "activo";
```""",
r"""Los enums de cadenas son nominales: aunque el valor de `Estado.Activo` sea `"activo"`, TypeScript no acepta el literal suelto donde se espera el enum. La idea es obligar a usar siempre los miembros.

Usa el miembro del enum:

```ts
enum Estado {
  Activo = "activo",
  Pausado = "pausado",
}

const e: Estado = Estado.Activo;

// Si el texto llega de fuera, valídalo antes:
function aEstado(texto: string): Estado | null {
  return texto === Estado.Activo || texto === Estado.Pausado ? texto : null;
}
aEstado("activo"); // Estado.Activo
export { e };
```

Si prefieres poder escribir los literales directamente, sustituye el enum por una unión de literales: `type Estado = "activo" | "pausado"`."""),

("error_correction",
r"""Este enum da `error TS1061: Enum member must have initializer.`

```ts-error
enum Moneda {
  Euro = "EUR",
  Dolar,
  Libra,
}
```""",
r"""El autoincremento solo funciona con valores numéricos. Después de un miembro de cadena, el compilador no puede deducir qué valor dar a `Dolar`, así que exige un inicializador explícito.

Da valor a todos los miembros:

```ts
enum Moneda {
  Euro = "EUR",
  Dolar = "USD",
  Libra = "GBP",
}

function simbolo(m: Moneda): string {
  switch (m) {
    case Moneda.Euro:
      return "€";
    case Moneda.Dolar:
      return "$";
    case Moneda.Libra:
      return "£";
  }
}
simbolo(Moneda.Libra); // "£"
export {};
```

El mismo error aparece tras un miembro calculado (por ejemplo, `A = "x".length`): el siguiente miembro necesita valor explícito."""),

("error_correction",
r"""¿Qué significa `error TS2367: This comparison appears to be unintentional because the types 'Color' and 'Talla' have no overlap.`?

```ts-error
enum Color {
  Rojo = "rojo",
  Azul = "azul",
}

enum Talla {
  S = "s",
  M = "m",
}

function revisar(c: Color): boolean {
  return c === Talla.M;
}
```""",
r"""Cada enum es un tipo distinto. Comparar un `Color` con un miembro de `Talla` nunca puede ser verdadero, así que el compilador avisa de que la comparación es casi seguro un error, normalmente por haber usado el enum equivocado.

Compara con un miembro del mismo enum:

```ts
enum Color {
  Rojo = "rojo",
  Azul = "azul",
}

function revisar(c: Color): boolean {
  return c === Color.Azul;
}

revisar(Color.Rojo); // false
export {};
```

Si realmente necesitas comparar los valores subyacentes de enums distintos (por ejemplo, al migrar datos), conviértelos antes de forma explícita, como `String(c) === String(otro)`, para que la intención quede clara."""),

("error_correction",
r"""Tengo `error TS7015: Element implicitly has an 'any' type because index expression is not of type 'number'.`

```ts-error
enum Fase {
  Inicio,
  Medio,
  Fin,
}

function valorDeFase(nombre: string): number {
  return Fase[nombre];
}
```""",
r"""El objeto de un enum numérico solo tiene una firma de índice numérica (la del mapeo inverso). Indexarlo con un `string` cualquiera no es seguro, porque el nombre podría no existir, y con `--strict` TypeScript no acepta que el resultado sea `any` de forma implícita.

Restringe el parámetro a los nombres válidos con `keyof typeof`, o valida la cadena antes:

```ts
enum Fase {
  Inicio,
  Medio,
  Fin,
}

function valorDeFase(nombre: keyof typeof Fase): Fase {
  return Fase[nombre];
}

function valorDesdeTexto(nombre: string): Fase | undefined {
  return nombre in Fase && isNaN(Number(nombre))
    ? Fase[nombre as keyof typeof Fase]
    : undefined;
}

valorDeFase("Medio");     // 1
valorDesdeTexto("Fin");   // 2
valorDesdeTexto("Final"); // undefined
export {};
```

La comprobación `isNaN` descarta las claves numéricas que añade el mapeo inverso."""),

("error_correction",
r"""Intento cambiar el valor de un miembro y obtengo `error TS2540: Cannot assign to 'Maximo' because it is a read-only property.`

```ts-error
enum Limite {
  Minimo = 1,
  Maximo = 10,
}

Limite.Maximo = 20;
```""",
r"""Los miembros de un enum son constantes: forman parte de un tipo fijo, y el compilador los trata como propiedades de solo lectura. Un enum no está pensado para valores configurables.

Si el límite debe poder cambiar, guárdalo en una variable o en un objeto de configuración normal:

```ts
interface Limites {
  minimo: number;
  maximo: number;
}

const limites: Limites = { minimo: 1, maximo: 10 };
limites.maximo = 20; // correcto

function dentroDeLimites(valor: number, l: Limites = limites): boolean {
  return valor >= l.minimo && valor <= l.maximo;
}

dentroDeLimites(15); // true
export {};
```

Usa enums solo para conjuntos cerrados de opciones que no cambian en ejecución, como estados o categorías."""),

("error_correction",
r"""¿Por qué falla este `switch`? Error: `error TS2322: Type 'Turno.Noche' is not assignable to type 'never'.`

```ts-error
enum Turno {
  Manana,
  Tarde,
  Noche,
}

function horario(t: Turno): string {
  switch (t) {
    case Turno.Manana:
      return "8-15";
    case Turno.Tarde:
      return "15-22";
    default:
      const resto: never = t;
      return resto;
  }
}
```""",
r"""La asignación a `never` es una comprobación de exhaustividad, y está funcionando: falta el caso `Turno.Noche`, así que en el `default` la variable `t` todavía puede ser ese miembro y no se puede asignar a `never`.

Añade el caso que falta:

```ts
enum Turno {
  Manana,
  Tarde,
  Noche,
}

function horario(t: Turno): string {
  switch (t) {
    case Turno.Manana:
      return "8-15";
    case Turno.Tarde:
      return "15-22";
    case Turno.Noche:
      return "22-8";
    default: {
      const resto: never = t;
      return resto;
    }
  }
}
horario(Turno.Noche); // "22-8"
export {};
```

Las llaves del `default` crean un bloque propio para declarar `resto` dentro del `case` sin problemas."""),

("error_correction",
r"""¿Por qué este valor numérico no es aceptado? Error: `error TS2322: Type '7' is not assignable to type 'Dia'.`

```ts-error
enum Dia {
  Lunes = 1,
  Martes,
  Miercoles,
  Jueves,
  Viernes,
}

const d: Dia = 7;
```""",
r"""Desde TypeScript 5.0 todos los enums son uniones de sus miembros. Cuando todos los valores son conocidos, el compilador comprueba que un literal numérico coincida con alguno: `Dia` solo admite del 1 al 5, y 7 no está.

Usa un miembro existente o amplía el enum:

```ts
enum Dia {
  Lunes = 1,
  Martes,
  Miercoles,
  Jueves,
  Viernes,
  Sabado,
  Domingo,
}

const d: Dia = Dia.Domingo; // 7

// Para números que llegan de fuera, valida primero:
function aDia(n: number): Dia | undefined {
  return n in Dia ? (n as Dia) : undefined;
}
aDia(3); // Dia.Miercoles
export { d };
```

Escribir el miembro (`Dia.Domingo`) en vez del número también hace el código más legible."""),

("error_correction",
r"""Me da `error TS2741: Property 'sms' is missing in type '{ email: string; push: string; }' but required in type 'Record<Canal, string>'.`

```ts-error
enum Canal {
  Email = "email",
  Push = "push",
  Sms = "sms",
}

const plantillas: Record<Canal, string> = {
  [Canal.Email]: "Tienes un mensaje",
  [Canal.Push]: "Nuevo aviso",
};
```""",
r"""`Record<Canal, string>` exige una propiedad por cada miembro del enum, y falta la de `Canal.Sms`. Es una ventaja: al añadir un canal nuevo, el compilador te señala todos los objetos que debes completar.

Añade la entrada que falta, o indica que el registro es parcial:

```ts
enum Canal {
  Email = "email",
  Push = "push",
  Sms = "sms",
}

const plantillas: Record<Canal, string> = {
  [Canal.Email]: "Tienes un mensaje",
  [Canal.Push]: "Nuevo aviso",
  [Canal.Sms]: "Aviso SMS",
};

// Si algunos canales pueden no tener plantilla:
const opcionales: Partial<Record<Canal, string>> = {
  [Canal.Email]: "Tienes un mensaje",
};
const texto = opcionales[Canal.Sms] ?? plantillas[Canal.Sms];
export { texto };
```"""),

# ---------------------------------------------------------------- comparison
("comparison",
r"""¿Es mejor usar un enum o una unión de literales de cadena?""",
r"""Depende de lo que necesites:

- Unión de literales (`"a" | "b"`): no genera código, se escribe con literales directos y funciona con cualquier herramienta. Es la opción preferida hoy en la mayoría de proyectos.
- Enum: existe en ejecución (puedes recorrerlo) y obliga a usar nombres (`Estado.Activo`), lo que facilita renombrar valores.

```ts
// Unión: ligera y directa.
type Estado = "activo" | "pausado";
function activar(e: Estado): Estado {
  return e === "pausado" ? "activo" : e;
}

// Enum: objeto real, recorrible.
enum EstadoEnum {
  Activo = "activo",
  Pausado = "pausado",
}
const todos = Object.values(EstadoEnum);

activar("pausado");
export { todos };
```

Si además necesitas la lista de valores en ejecución con una unión, declara un array `as const` y deriva el tipo de él."""),

("comparison",
r"""¿Qué diferencias hay entre un enum numérico y uno de cadenas?""",
r"""- Numérico: valores autoincrementados, mapeo inverso (`Enum[0]` devuelve el nombre) y permite banderas de bits. Pero los valores son opacos en registros y en JSON (`2` no dice nada).
- De cadenas: cada valor es legible, no hay mapeo inverso y recorrerlo es sencillo. Todos los miembros necesitan inicializador.

```ts
enum PrioridadN {
  Baja,
  Alta,
}

enum PrioridadS {
  Baja = "baja",
  Alta = "alta",
}

console.log(JSON.stringify({ p: PrioridadN.Alta })); // {"p":1}
console.log(JSON.stringify({ p: PrioridadS.Alta })); // {"p":"alta"}

console.log(PrioridadN[1]);           // "Alta" (mapeo inverso)
console.log(Object.values(PrioridadS)); // ["baja", "alta"]
export {};
```

Para datos que se guardan o se envían por la red, los enums de cadenas son más robustos: reordenar los miembros no cambia los valores."""),

("comparison",
r"""¿Cuándo conviene un `const enum` frente a un enum normal?""",
r"""- `enum`: genera un objeto en ejecución. Puedes recorrerlo, usar el mapeo inverso y exportarlo sin problemas con cualquier herramienta de compilación.
- `const enum`: no genera nada; cada uso se sustituye por el valor. Es más ligero, pero el enum no existe en ejecución.

```ts
enum Eje {
  X = "x",
  Y = "y",
}
const ejes = Object.values(Eje); // posible: existe el objeto

const enum Tecla {
  Enter = 13,
  Escape = 27,
}
const esSalida = (codigo: number) => codigo === Tecla.Escape; // se compila a 27
// Object.values(Tecla); // error: un const enum no es un valor
export { ejes, esSalida };
```

En la práctica, `const enum` solo es seguro dentro de un mismo proyecto compilado con `tsc`. Si usas `isolatedModules` o publicas una librería, evita exportarlos; una unión de literales ofrece el mismo «coste cero» sin esos problemas."""),

("comparison",
r"""¿Qué diferencia hay entre un enum y un objeto `as const`?""",
r"""Ambos dan un conjunto de constantes con nombre disponible en ejecución, pero:

- Enum: sintaxis propia de TypeScript (no es JavaScript estándar), tipo nominal (no acepta literales sueltos) y, si es numérico, mapeo inverso.
- Objeto `as const`: JavaScript normal con un tipo derivado. Acepta los literales directamente y funciona con herramientas que solo eliminan tipos.

```ts
enum TallaEnum {
  S = "s",
  M = "m",
}

const Talla = { S: "s", M: "m" } as const;
type Talla = (typeof Talla)[keyof typeof Talla]; // "s" | "m"

function conEnum(t: TallaEnum): string {
  return t;
}
function conObjeto(t: Talla): string {
  return t;
}

conEnum(TallaEnum.S);
// conEnum("s");  // error: el enum exige el miembro
conObjeto("s");   // correcto
conObjeto(Talla.M);
export {};
```

Si no necesitas la rigidez nominal, el objeto `as const` es más flexible y portable."""),

("comparison",
r"""¿Qué diferencia hay entre usar el tipo `Enum` y el tipo `keyof typeof Enum`?""",
r"""- `Enum` como tipo representa los valores de los miembros.
- `keyof typeof Enum` representa los nombres de los miembros (las claves del objeto).

```ts
enum Fruta {
  Manzana = "apple",
  Pera = "pear",
}

const valor: Fruta = Fruta.Manzana;              // valor "apple"
const clave: keyof typeof Fruta = "Manzana";     // nombre "Manzana"

// Pasar de nombre a valor:
const desdeClave: Fruta = Fruta[clave];          // "apple"
console.log(valor, desdeClave);
export {};
```

Usa el tipo del enum en la lógica del programa, y `keyof typeof` cuando recibes nombres de miembros, por ejemplo desde un archivo de configuración legible por personas.

En un enum numérico, `keyof typeof Enum` solo incluye los nombres: las claves numéricas del mapeo inverso no aparecen en el tipo, aunque sí existen en el objeto."""),

("comparison",
r"""¿Es mejor un enum o una clase con propiedades estáticas de solo lectura?""",
r"""Una clase con propiedades `static readonly` permite que cada valor sea un objeto con datos y métodos, algo que un enum no puede hacer. A cambio, pierdes la comprobación de exhaustividad en `switch` y la sintaxis es más larga.

```ts
enum PlanSimple {
  Gratis = "gratis",
  Pro = "pro",
}

class Plan {
  static readonly Gratis = new Plan("gratis", 0);
  static readonly Pro = new Plan("pro", 9.99);

  private constructor(
    readonly id: string,
    readonly precio: number,
  ) {}

  esDePago(): boolean {
    return this.precio > 0;
  }
}

Plan.Pro.esDePago();     // true
Plan.Gratis.precio;      // 0
console.log(PlanSimple.Pro);
export {};
```

Usa el enum para opciones simples. Usa la clase cuando cada opción lleva datos o comportamiento asociados."""),

("comparison",
r"""¿Por qué la eliminación de tipos de Node.js no admite enums pero sí uniones de literales?""",
r"""Las herramientas que solo «borran» tipos, como la eliminación de tipos de Node.js (type stripping), quitan las anotaciones sin transformar el código. Una unión de literales es solo un tipo y desaparece sin dejar rastro. Un enum, en cambio, debe convertirse en un objeto JavaScript, y eso requiere generar código.

```ts
// Se borra limpiamente: solo hay tipos.
type Modo = "lectura" | "escritura";
function abrir(modo: Modo): string {
  return `abierto en ${modo}`;
}

// Equivalente sin enum, compatible con borrado de tipos:
const Modo = { Lectura: "lectura", Escritura: "escritura" } as const;
abrir(Modo.Lectura);
export {};
```

La opción `erasableSyntaxOnly` del compilador marca como error los enums, los `namespace` con valores y las propiedades de parámetro, para asegurar que el código funciona con estas herramientas."""),

("comparison",
r"""¿Qué ventaja tiene un enum numérico frente a constantes numéricas sueltas?""",
r"""Las constantes sueltas son `number`, así que cualquier número encaja donde se esperan y nada agrupa los valores posibles. Un enum crea un tipo propio que agrupa los valores y documenta su significado.

```ts
// Constantes sueltas: cualquier número vale.
const NIVEL_BAJO = 1;
const NIVEL_ALTO = 2;
function alarmaConst(nivel: number): void {
  console.log(nivel);
}
alarmaConst(99); // compila sin quejas

// Enum: solo miembros válidos.
enum Nivel {
  Bajo = 1,
  Alto = 2,
}
function alarma(nivel: Nivel): void {
  console.log(Nivel[nivel]);
}
alarma(Nivel.Alto);
// alarma(99); // error desde TypeScript 5.0
export { NIVEL_BAJO, NIVEL_ALTO };
```

Una unión de literales numéricos (`1 | 2`) ofrece la misma seguridad, aunque sin nombres descriptivos en el código que llama."""),

# ---------------------------------------------------------------- complexity
("complexity",
r"""¿Cuánto código añade un enum al paquete final y cuándo importa?""",
r"""Cada enum normal genera una función autoejecutable que rellena un objeto: unas pocas líneas por miembro, y el doble de propiedades si es numérico por el mapeo inverso. Además, los empaquetadores suelen tener dificultades para eliminar enums no usados (tree shaking), porque el código generado modifica un objeto.

```ts
// Unos 3 miembros: coste despreciable.
export enum Estado {
  Activo,
  Inactivo,
  Borrado,
}

// Sin coste en ejecución: solo tipos.
export type EstadoLiteral = "activo" | "inactivo" | "borrado";
```

Para una aplicación típica, la diferencia es mínima. Importa en librerías con muchos enums grandes (por ejemplo, cientos de códigos de error) o en paquetes muy sensibles al tamaño. En esos casos, una unión de literales, un `const enum` interno o un objeto `as const` reducen el coste."""),

("complexity",
r"""¿Cuándo se vuelve difícil de mantener un enum de banderas de bits?""",
r"""Las banderas de bits son compactas y rápidas, pero su coste es de legibilidad:

- Con muchos miembros es fácil repetir una potencia de dos por error.
- Los valores combinados (`5`, `12`) no dicen nada al depurar.
- Solo caben 31 banderas fiables en operaciones de 32 bits de JavaScript.

```ts
enum Opcion {
  Negrita = 1 << 0,
  Cursiva = 1 << 1,
  Subrayado = 1 << 2,
}

// Alternativa más legible para pocas opciones:
type Estilo = {
  negrita: boolean;
  cursiva: boolean;
  subrayado: boolean;
};

const conBits = Opcion.Negrita | Opcion.Subrayado; // 5
const conObjeto: Estilo = { negrita: true, cursiva: false, subrayado: true };
export { conBits, conObjeto };
```

Usa banderas cuando el rendimiento o el formato de almacenamiento lo exijan (protocolos, permisos en base de datos). En el resto de casos, un objeto con booleanos o un `Set` de literales es más claro."""),

("complexity",
r"""¿Es más costoso para el compilador un enum grande o una unión de literales grande?""",
r"""Para el compilador son muy parecidos: desde TypeScript 5.0 un enum es internamente una unión de sus miembros, así que comprobar un valor cuesta lo mismo. Cientos de miembros no suponen un problema en ninguno de los dos casos.

El coste aparece al combinarlos con otras construcciones:

```ts
type Codigo = "E01" | "E02" | "E03"; // imagina 500 códigos

// Barato: comprobación directa.
function describir(c: Codigo): string {
  return `Error ${c}`;
}

// Caro si las uniones son grandes: el producto cartesiano crece rápido.
type Idioma = "es" | "en";
type Clave = `${Idioma}.${Codigo}`; // 2 × 500 = 1000 miembros

const k: Clave = "es.E02";
describir("E01");
export { k };
```

Las plantillas literales, los tipos mapeados y los condicionales distributivos multiplican el número de miembros. Vigila esas combinaciones más que el tamaño del enum en sí."""),
]
