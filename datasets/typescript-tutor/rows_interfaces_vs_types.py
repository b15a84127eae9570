"""Filas del tema «interfaces_vs_types»: (categoría, instrucción, respuesta)."""

TOPIC = "interfaces_vs_types"

ROWS = [
# ---------------------------------------------------------------- definition
("definition",
r"""¿Qué es una interfaz en TypeScript?""",
r"""Una interfaz (`interface`) declara la forma de un objeto: qué propiedades y métodos tiene y de qué tipo son. No genera código JavaScript; solo la usa el compilador para comprobar que los valores encajan.

```ts
interface Libro {
  titulo: string;
  autor: string;
  paginas: number;
  prestar(socio: string): boolean;
}

const libro: Libro = {
  titulo: "Rayuela",
  autor: "Julio Cortázar",
  paginas: 600,
  prestar(socio) {
    console.log(`Prestado a ${socio}`);
    return true;
  },
};
export { libro };
```

Las interfaces se pueden extender con `extends`, implementar en clases con `implements` y ampliar declarándolas de nuevo (fusión de declaraciones)."""),

("definition",
r"""¿Qué es un alias de tipo (`type`) en TypeScript?""",
r"""Un alias de tipo da un nombre a cualquier tipo, no solo a formas de objeto. Puede nombrar uniones, tuplas, funciones, primitivos, tipos mapeados o condicionales.

```ts
type Id = string | number;                       // unión
type Par = [clave: string, valor: number];       // tupla
type Comparador<T> = (a: T, b: T) => number;     // función genérica
type Usuario = { id: Id; nombre: string };       // objeto

const porNombre: Comparador<Usuario> = (a, b) =>
  a.nombre.localeCompare(b.nombre);

const lista: Usuario[] = [{ id: 2, nombre: "Zoe" }, { id: "a1", nombre: "Ana" }];
lista.sort(porNombre);
export type { Par };
```

Un alias no crea un tipo nuevo: es solo otro nombre para el mismo tipo, y no se puede volver a declarar con el mismo nombre."""),

("definition",
r"""¿Qué es la fusión de declaraciones (declaration merging) de interfaces?""",
r"""Si declaras dos interfaces con el mismo nombre en el mismo ámbito, TypeScript las combina en una sola que tiene los miembros de ambas. Los alias `type` no admiten esto.

```ts
interface Ajustes {
  idioma: string;
}

interface Ajustes {
  tema: "claro" | "oscuro";
}

// Ajustes tiene ahora idioma y tema.
const ajustes: Ajustes = { idioma: "es", tema: "oscuro" };
export { ajustes };
```

Su uso principal es ampliar tipos ajenos: añadir propiedades a `Window`, a las interfaces de una librería o a módulos mediante `declare module`. Si dos declaraciones repiten una propiedad, deben darle el mismo tipo; si no, es un error."""),

("definition",
r"""¿Qué hace `extends` cuando se usa con interfaces?""",
r"""`extends` crea una interfaz que hereda todos los miembros de otra (o de varias) y añade los suyos. El compilador comprueba que los miembros redefinidos sean compatibles con los originales.

```ts
interface Animal {
  nombre: string;
  edad: number;
}

interface Mascota extends Animal {
  dueno: string;
}

interface PerroGuia extends Mascota {
  certificado: boolean;
}

const lazarillo: PerroGuia = {
  nombre: "Toby",
  edad: 4,
  dueno: "Elena",
  certificado: true,
};
export { lazarillo };
```

Una interfaz también puede extender un alias de tipo, siempre que sea un tipo objeto (o intersección de tipos objeto) con miembros conocidos."""),

("definition",
r"""¿Qué es un tipo intersección (`&`)?""",
r"""Un tipo intersección `A & B` combina varios tipos en uno: un valor debe cumplir todos a la vez, así que tiene todas las propiedades de `A` y todas las de `B`. Es la forma de componer tipos con alias `type`.

```ts
type ConId = { id: number };
type ConFechas = { creado: Date; actualizado: Date };
type Articulo = { titulo: string; cuerpo: string };

type ArticuloGuardado = Articulo & ConId & ConFechas;

const a: ArticuloGuardado = {
  id: 1,
  titulo: "Tipos en TypeScript",
  cuerpo: "...",
  creado: new Date(),
  actualizado: new Date(),
};
export { a };
```

Si dos partes declaran la misma propiedad con tipos incompatibles (por ejemplo `string` y `number`), esa propiedad resulta de tipo `never` y no hay valor que la cumpla."""),

("definition",
r"""¿Qué es una firma de llamada dentro de una interfaz?""",
r"""Una firma de llamada describe un objeto que se puede invocar como función. Se escribe como un método sin nombre: `(parámetros): retorno`. Permite tipar funciones que además tienen propiedades.

```ts
interface Contador {
  (): number;          // se puede llamar
  reiniciar(): void;   // y tiene métodos
  valor: number;       // y propiedades
}

function crearContador(): Contador {
  const c = () => ++c.valor;
  c.valor = 0;
  c.reiniciar = () => {
    c.valor = 0;
  };
  return c;
}

const contar = crearContador();
contar();
contar(); // 2
contar.reiniciar();
export {};
```

TypeScript permite añadir propiedades a una función declarada con `const` justo después, y así encaja en la interfaz."""),

("definition",
r"""¿Qué significa `implements` en una clase?""",
r"""`implements` pide al compilador que compruebe que una clase cumple la forma de una interfaz (o de un alias de tipo objeto). No hereda código ni cambia el tipo de la clase: solo valida.

```ts
interface Almacen {
  guardar(clave: string, valor: string): void;
  leer(clave: string): string | undefined;
}

class AlmacenEnMemoria implements Almacen {
  private datos = new Map<string, string>();

  guardar(clave: string, valor: string): void {
    this.datos.set(clave, valor);
  }

  leer(clave: string): string | undefined {
    return this.datos.get(clave);
  }
}

const almacen: Almacen = new AlmacenEnMemoria();
almacen.guardar("tema", "oscuro");
export {};
```

Una clase puede implementar varias interfaces separándolas con comas."""),

("definition",
r"""¿Qué son las propiedades opcionales y de solo lectura en una interfaz?""",
r"""Son modificadores de propiedad:

- `?` (opcional): la propiedad puede faltar; su tipo incluye `undefined`.
- `readonly`: la propiedad no se puede reasignar después de crear el objeto.

```ts
interface Empleado {
  readonly dni: string;   // fijo para siempre
  nombre: string;
  telefono?: string;      // puede no existir
}

const e: Empleado = { dni: "12345678Z", nombre: "Pablo" };
e.nombre = "Pablo R.";    // correcto
e.telefono = "600000000"; // correcto: se puede añadir
// e.dni = "otro";        // error: solo lectura

function llamar(emp: Empleado): string {
  return emp.telefono ?? "sin teléfono";
}
export { llamar };
```

Ambos modificadores funcionan igual en alias `type` de objeto."""),

# ---------------------------------------------------------------- example
("example",
r"""Muéstrame una interfaz que extienda de varias interfaces a la vez.""",
r"""Una interfaz puede extender varias a la vez separándolas con comas; hereda los miembros de todas.

```ts
interface Identificable {
  id: string;
}

interface Fechado {
  creadoEn: Date;
}

interface Auditable {
  modificadoPor: string;
}

interface Factura extends Identificable, Fechado, Auditable {
  importe: number;
  pagada: boolean;
}

const f: Factura = {
  id: "F-2024-001",
  creadoEn: new Date(),
  modificadoPor: "contabilidad",
  importe: 250,
  pagada: false,
};
export { f };
```

Si dos interfaces base declaran la misma propiedad con tipos distintos, el compilador da un error en la interfaz que las extiende, lo que ayuda a detectar conflictos pronto."""),

("example",
r"""Dame un ejemplo de alias de tipo para funciones y cómo usarlo.""",
r"""Un alias de tipo con la sintaxis de flecha describe la firma de una función. Es útil para callbacks, estrategias o middlewares.

```ts
type Validador = (valor: string) => string | null; // null = válido

const noVacio: Validador = (v) => (v.trim() === "" ? "Campo obligatorio" : null);
const esEmail: Validador = (v) => (v.includes("@") ? null : "Email no válido");

function validar(valor: string, reglas: Validador[]): string[] {
  const errores: string[] = [];
  for (const regla of reglas) {
    const error = regla(valor);
    if (error !== null) errores.push(error);
  }
  return errores;
}

validar("", [noVacio, esEmail]); // ["Campo obligatorio", "Email no válido"]
export {};
```

Gracias al alias, los parámetros de `noVacio` y `esEmail` se infieren sin anotarlos."""),

("example",
r"""Escribe una clase que implemente dos interfaces.""",
r"""Separa las interfaces con comas tras `implements`. La clase debe declarar todos los miembros de todas ellas.

```ts
interface Imprimible {
  imprimir(): string;
}

interface Comparable<T> {
  compararCon(otro: T): number;
}

class Producto implements Imprimible, Comparable<Producto> {
  constructor(
    public nombre: string,
    public precio: number,
  ) {}

  imprimir(): string {
    return `${this.nombre}: ${this.precio.toFixed(2)} €`;
  }

  compararCon(otro: Producto): number {
    return this.precio - otro.precio;
  }
}

const lista = [new Producto("Té", 3), new Producto("Café", 2)];
lista.sort((a, b) => a.compararCon(b));
console.log(lista.map((p) => p.imprimir()));
export {};
```"""),

("example",
r"""¿Cómo combino propiedades conocidas con una firma de índice en una interfaz?""",
r"""Puedes mezclar propiedades con nombre y una firma de índice, pero el tipo de cada propiedad con nombre debe ser asignable al tipo de la firma. Por eso es habitual usar una unión en la firma.

```ts
interface Cabeceras {
  "content-type": string;
  "content-length": number;
  [cabecera: string]: string | number;
}

const cabeceras: Cabeceras = {
  "content-type": "application/json",
  "content-length": 128,
  "x-peticion": "abc-123",
};

const tipo: string = cabeceras["content-type"];   // string
const otra = cabeceras["x-peticion"];             // string | number
export { tipo, otra };
```

Las propiedades conocidas conservan su tipo preciso; las desconocidas reciben el tipo de la firma."""),

("example",
r"""¿Cómo añado una propiedad propia al objeto global `Window`?""",
r"""Usa la fusión de declaraciones: dentro de `declare global` vuelve a declarar la interfaz `Window` con el miembro nuevo. TypeScript la combina con la definición de la librería DOM.

```ts
interface ConfigApp {
  version: string;
  depuracion: boolean;
}

declare global {
  interface Window {
    configApp?: ConfigApp;
  }
}

window.configApp = { version: "1.4.0", depuracion: false };

export function estaDepurando(): boolean {
  return window.configApp?.depuracion ?? false;
}
```

`declare global` solo es válido dentro de un módulo (un archivo con `import` o `export`). Esto no sería posible con un alias `type`, porque los alias no se fusionan."""),

("example",
r"""Escribe una interfaz genérica para respuestas paginadas de una API.""",
r"""Las interfaces admiten parámetros de tipo igual que las funciones. Así defines la estructura común una vez y la reutilizas con distintos elementos.

```ts
interface Pagina<T> {
  elementos: T[];
  pagina: number;
  total: number;
  siguiente: number | null;
}

interface Cliente {
  id: number;
  nombre: string;
}

function nombres(p: Pagina<Cliente>): string[] {
  return p.elementos.map((c) => c.nombre);
}

const respuesta: Pagina<Cliente> = {
  elementos: [{ id: 1, nombre: "Nuria" }],
  pagina: 1,
  total: 1,
  siguiente: null,
};
nombres(respuesta); // ["Nuria"]
export {};
```"""),

("example",
r"""Dame un ejemplo de algo que solo se puede expresar con `type` y no con `interface`.""",
r"""Los tipos mapeados, los condicionales, las uniones y las tuplas solo se pueden nombrar con `type`. Un ejemplo típico es un tipo mapeado que genera banderas a partir de una unión de claves.

```ts
type Permiso = "leer" | "escribir" | "borrar";

// Tipo mapeado: una propiedad booleana por cada permiso.
type Permisos = { [P in Permiso]: boolean };

// Tipo condicional: extrae el tipo de los elementos de un array.
type Elemento<T> = T extends readonly (infer E)[] ? E : T;

const editor: Permisos = { leer: true, escribir: true, borrar: false };
const n: Elemento<number[]> = 5;
export { editor, n };
```

Una interfaz sí puede extender el resultado (`interface Rol extends Permisos {}`), porque `Permisos` es un tipo objeto con miembros conocidos."""),

("example",
r"""¿Cómo declaro métodos sobrecargados dentro de una interfaz?""",
r"""Escribe varias firmas del mismo método una detrás de otra. La implementación debe aceptar todas.

```ts
interface Formateador {
  formatear(valor: number): string;
  formatear(valor: Date): string;
  formatear(valor: number[]): string[];
}

const fmt: Formateador = {
  formatear(valor: number | Date | number[]): any {
    if (Array.isArray(valor)) return valor.map((v) => v.toFixed(2));
    if (valor instanceof Date) return valor.toISOString().slice(0, 10);
    return valor.toFixed(2);
  },
};

const uno = fmt.formatear(3.14159);  // string
const varios = fmt.formatear([1, 2]); // string[]
export { uno, varios };
```

El retorno `any` de la implementación es necesario porque un solo tipo no encaja a la vez con las firmas que devuelven `string` y `string[]`; quien usa `fmt` solo ve las sobrecargas precisas."""),

("example",
r"""Muéstrame cómo componer tipos con intersecciones para añadir metadatos a cualquier entidad.""",
r"""Con un alias genérico y una intersección puedes añadir campos comunes a cualquier tipo sin repetirlos.

```ts
type Metadatos = {
  id: string;
  version: number;
};

type ConMetadatos<T> = T & Metadatos;

type Nota = { texto: string; etiquetas: string[] };
type Tarea = { titulo: string; hecha: boolean };

function guardar<T>(entidad: T): ConMetadatos<T> {
  return { ...entidad, id: crypto.randomUUID(), version: 1 };
}

const nota = guardar<Nota>({ texto: "Comprar pan", etiquetas: ["casa"] });
nota.id;       // string
nota.etiquetas; // string[]
const tarea: ConMetadatos<Tarea> = { titulo: "Revisar PR", hecha: false, id: "t1", version: 2 };
export { tarea };
```

El resultado conserva las propiedades originales y añade `id` y `version`."""),

# ---------------------------------------------------------------- error_correction
("error_correction",
r"""¿Por qué obtengo `error TS2300: Duplicate identifier 'Config'.`?

```ts-error
type Config = { url: string };
type Config = { timeout: number };
```""",
r"""Los alias de tipo no se fusionan: cada nombre `type` solo puede declararse una vez por ámbito. La segunda declaración choca con la primera.

Si quieres un tipo con ambas propiedades, tienes varias opciones:

```ts
// 1. Declarar todo en un solo alias.
type Config = { url: string; timeout: number };

// 2. Componer alias distintos con una intersección.
type ConfigRed = { url: string };
type ConfigTiempo = { timeout: number };
type ConfigCompleta = ConfigRed & ConfigTiempo;

// 3. Usar interfaces, que sí se fusionan.
interface Opciones {
  url: string;
}
interface Opciones {
  timeout: number;
}

const c: Config = { url: "/api", timeout: 500 };
const d: ConfigCompleta = c;
const o: Opciones = c;
export { d, o };
```"""),

("error_correction",
r"""Este código da `error TS2312: An interface can only extend an object type or intersection of object types with statically known members.`

```ts-error
type Forma = { tipo: "circulo"; radio: number } | { tipo: "cuadrado"; lado: number };

interface FormaConColor extends Forma {
  color: string;
}
```""",
r"""Una interfaz solo puede extender tipos objeto cuyos miembros se conocen de forma estática. `Forma` es una unión, y una interfaz no puede representar «una cosa u otra».

Usa un alias de tipo con una intersección; al intersecar con una unión, el color se añade a cada miembro:

```ts
type Forma = { tipo: "circulo"; radio: number } | { tipo: "cuadrado"; lado: number };

type FormaConColor = Forma & { color: string };

const c: FormaConColor = { tipo: "circulo", radio: 2, color: "rojo" };

function area(f: FormaConColor): number {
  return f.tipo === "circulo" ? Math.PI * f.radio ** 2 : f.lado ** 2;
}
export { c, area };
```

El estrechamiento por `tipo` sigue funcionando, porque la intersección se distribuye sobre la unión."""),

("error_correction",
r"""Me sale `error TS2420: Class 'Gato' incorrectly implements interface 'Animal'.` con este código:

```ts-error
interface Animal {
  nombre: string;
  hacerSonido(): string;
}

class Gato implements Animal {
  constructor(public nombre: string) {}
}
```""",
r"""Al declarar `implements Animal`, la clase se compromete a tener todos los miembros de la interfaz. A `Gato` le falta el método `hacerSonido`, por eso el compilador dice que la implementación es incorrecta.

Añade el método con una firma compatible:

```ts
interface Animal {
  nombre: string;
  hacerSonido(): string;
}

class Gato implements Animal {
  constructor(public nombre: string) {}

  hacerSonido(): string {
    return "miau";
  }
}

const michi: Animal = new Gato("Michi");
console.log(michi.hacerSonido());
export {};
```

Ten en cuenta que `implements` solo comprueba: no aporta ninguna implementación por defecto. Si quieres compartir código entre clases, usa una clase base abstracta."""),

("error_correction",
r"""¿Qué significa `error TS2430: Interface 'Administrador' incorrectly extends interface 'Usuario'.` en este código?

```ts-error
interface Usuario {
  id: string;
  nombre: string;
}

interface Administrador extends Usuario {
  id: number;
  permisos: string[];
}
```""",
r"""Al extender una interfaz puedes redefinir una propiedad, pero solo con un tipo compatible (igual o más específico). `number` no es asignable a `string`, así que `Administrador` ya no sería un `Usuario` válido.

Mantén el mismo tipo o estrecha el original:

```ts
interface Usuario {
  id: string;
  nombre: string;
}

interface Administrador extends Usuario {
  id: `admin-${string}`; // más específico que string: permitido
  permisos: string[];
}

const jefa: Administrador = { id: "admin-7", nombre: "Carmen", permisos: ["todo"] };
const comoUsuario: Usuario = jefa; // sigue siendo un Usuario
export { comoUsuario };
```

Si de verdad los identificadores tienen tipos distintos, no deberían tener relación de herencia; extrae las partes comunes a otra interfaz o usa `Omit<Usuario, "id">`."""),

("error_correction",
r"""Al ampliar una interfaz obtengo `error TS2717: Subsequent property declarations must have the same type.  Property 'puerto' must be of type 'number', but here has type 'string'.`

```ts-error
interface Servidor {
  puerto: number;
}

interface Servidor {
  puerto: string;
  host: string;
}
```""",
r"""En la fusión de declaraciones puedes añadir propiedades nuevas, pero si repites una ya existente debe tener exactamente el mismo tipo. La segunda declaración intenta cambiar `puerto` de `number` a `string`.

Quita la propiedad repetida (o dale el mismo tipo) y deja solo los miembros nuevos:

```ts
interface Servidor {
  puerto: number;
}

interface Servidor {
  host: string;
}

const local: Servidor = { puerto: 8080, host: "localhost" };
export { local };
```

Si necesitas aceptar ambos formatos, cámbialo en la declaración original a `puerto: number | string`. Este error es frecuente al aumentar tipos de librerías: no se puede cambiar un tipo existente, solo añadir."""),

("error_correction",
r"""¿Por qué este objeto no se puede asignar? El error es `error TS2322: Type 'string' is not assignable to type 'never'.`

```ts-error
type ConIdTexto = { id: string };
type ConIdNumero = { id: number };
type Registro = ConIdTexto & ConIdNumero;

const r: Registro = { id: "a-1" };
```""",
r"""En una intersección, una propiedad que aparece en ambas partes toma la intersección de sus tipos: `string & number`, que es `never` porque ningún valor es a la vez texto y número. Así, `id` no admite ningún valor.

Decide qué modelas realmente:

```ts
// Si el id puede ser de cualquiera de los dos tipos:
type Registro = { id: string | number };
const r: Registro = { id: "a-1" };

// Si son dos registros diferentes, usa una unión:
type ConIdTexto = { id: string };
type ConIdNumero = { id: number };
type RegistroVariante = ConIdTexto | ConIdNumero;
const v: RegistroVariante = { id: 42 };
export { r, v };
```

Con `interface B extends A` el conflicto se habría detectado en la propia declaración, con un mensaje más claro."""),

("error_correction",
r"""Intento crear una interfaz con un tipo mapeado y obtengo `error TS7061: A mapped type may not declare properties or methods.`

```ts-error
type Campo = "nombre" | "email" | "telefono";

interface Errores {
  [K in Campo]: string | null;
}
```""",
r"""Los tipos mapeados (`[K in ...]`) no son una firma de propiedad: son una construcción de tipos que solo está disponible en alias `type`. Dentro de una interfaz el compilador espera propiedades, métodos o firmas de índice.

Declara el tipo mapeado con `type`:

```ts
type Campo = "nombre" | "email" | "telefono";

type Errores = { [K in Campo]: string | null };
// equivalente: type Errores = Record<Campo, string | null>;

const errores: Errores = { nombre: null, email: "Formato no válido", telefono: null };

// Si necesitas una interfaz, puede extender el alias:
interface ErroresFormulario extends Errores {
  general?: string;
}
const ef: ErroresFormulario = { ...errores, general: "Revisa los campos" };
export { ef };
```"""),

("error_correction",
r"""Tengo `error TS2741: Property 'email' is missing in type '{ nombre: string; }' but required in type 'Contacto'.`

```ts-error
interface Contacto {
  nombre: string;
  email: string;
}

const nuevo: Contacto = { nombre: "Jorge" };
```""",
r"""La interfaz `Contacto` declara `email` como obligatoria y el objeto no la incluye. Todas las propiedades sin `?` deben estar presentes.

Elige según el dominio:

```ts
// 1. Incluir la propiedad.
interface Contacto {
  nombre: string;
  email: string;
}
const nuevo: Contacto = { nombre: "Jorge", email: "jorge@ejemplo.es" };

// 2. Si el email puede faltar, hacerla opcional.
interface ContactoBasico {
  nombre: string;
  email?: string;
}
const borrador: ContactoBasico = { nombre: "Jorge" };

// 3. Para un formulario a medias, usar Partial.
const parcial: Partial<Contacto> = { nombre: "Jorge" };
export { nuevo, borrador, parcial };
```

No fuerces el tipo con `as Contacto`: el error volvería a aparecer, pero en tiempo de ejecución."""),

# ---------------------------------------------------------------- comparison
("comparison",
r"""¿Cuándo debo usar `interface` y cuándo `type`?""",
r"""Para formas de objeto ambos sirven casi igual. La recomendación habitual:

- `interface` para objetos y contratos de clases, sobre todo en APIs públicas: admite `extends`, fusión de declaraciones y da mensajes de error con el nombre del tipo.
- `type` para todo lo demás: uniones, tuplas, tipos función, tipos mapeados, condicionales y de plantilla literal.

```ts
// Objeto que pueden ampliar otros: interface.
interface Usuario {
  id: number;
  nombre: string;
}

// Uniones y derivados: type.
type Estado = "activo" | "bloqueado";
type UsuarioConEstado = Usuario & { estado: Estado };
type SoloLectura = Readonly<Usuario>;

const u: UsuarioConEstado = { id: 1, nombre: "Inés", estado: "activo" };
const r: SoloLectura = u;
export { r };
```

Lo más importante es ser coherente dentro del proyecto."""),

("comparison",
r"""¿Qué diferencia hay entre extender con `interface ... extends` y combinar con `&`?""",
r"""El resultado suele ser el mismo tipo, pero difieren en cómo tratan los conflictos y en el rendimiento:

- `extends` comprueba la compatibilidad al declarar: si redefines una propiedad con un tipo incompatible, el error aparece en la interfaz.
- `&` nunca falla al declarar: las propiedades en conflicto se convierten en `never`, y el problema aparece más tarde, al asignar un valor.

```ts
interface Base {
  id: string;
}

// interface Mala extends Base { id: number } // error inmediato y claro

type Mezcla = Base & { id: number }; // sin error aquí...
// const m: Mezcla = { id: "x" };     // ...error confuso aquí (id es never)

interface Buena extends Base {
  activo: boolean;
}
const b: Buena = { id: "x", activo: true };
export { b };
export type { Mezcla };
```

Además, el compilador cachea las relaciones entre interfaces con nombre, por lo que `extends` suele ser algo más rápido en jerarquías grandes."""),

("comparison",
r"""¿Pueden tanto `interface` como `type` representar uniones?""",
r"""No. Una unión solo puede nombrarse con `type`. Una interfaz describe siempre un único tipo objeto; no puede expresar «esto o aquello».

```ts
// Solo con type:
type Resultado = { ok: true; valor: number } | { ok: false; error: string };

// Las interfaces pueden ser los miembros de la unión:
interface Exito {
  ok: true;
  valor: number;
}
interface Fallo {
  ok: false;
  error: string;
}
type Resultado2 = Exito | Fallo;

function mostrar(r: Resultado2): string {
  return r.ok ? `valor: ${r.valor}` : `error: ${r.error}`;
}
const ejemplo: Resultado = { ok: true, valor: 1 };
export { mostrar, ejemplo };
```

Un patrón común es declarar cada variante con `interface` (para tener nombres claros en los errores) y unirlas con un `type`."""),

("comparison",
r"""Para tipar una función, ¿es mejor un alias `type` o una interfaz con firma de llamada?""",
r"""Ambas formas describen lo mismo. La sintaxis de alias es más corta y legible; la interfaz solo compensa cuando la función tiene además propiedades o sobrecargas.

```ts
// Alias: directo y legible.
type Sumador = (a: number, b: number) => number;

// Interfaz con firma de llamada: útil si hay propiedades.
interface SumadorConNombre {
  (a: number, b: number): number;
  descripcion: string;
}

const sumar: Sumador = (a, b) => a + b;

const sumarConNombre: SumadorConNombre = Object.assign(
  (a: number, b: number) => a + b,
  { descripcion: "suma dos números" },
);
sumar(1, 2);
sumarConNombre.descripcion;
export {};
```

Para callbacks y funciones simples, el alias `type` es la opción habitual."""),

("comparison",
r"""¿Puede una clase implementar un alias `type` igual que una interfaz?""",
r"""Sí, si el alias es un tipo objeto (o una intersección de tipos objeto). Lo que no se puede implementar es una unión, porque la clase tendría que ser varias formas a la vez.

```ts
type Guardable = {
  guardar(): Promise<void>;
};

interface Nombrable {
  nombre: string;
}

// Correcto: alias de objeto e interfaz.
class Documento implements Guardable, Nombrable {
  constructor(public nombre: string) {}
  async guardar(): Promise<void> {
    console.log(`Guardando ${this.nombre}`);
  }
}

type Forma = { lados: 3 } | { lados: 4 };
// class Figura implements Forma {} // error: no se puede implementar una unión

void new Documento("informe.txt").guardar();
export {};
```

En la práctica, la mayoría de equipos usan `interface` para contratos de clases por costumbre y claridad."""),

("comparison",
r"""¿Por qué un objeto tipado con `type` se puede asignar a `Record<string, unknown>` y uno con `interface` no?""",
r"""Los alias de tipo objeto tienen una firma de índice implícita: el compilador sabe que su forma está cerrada y la considera compatible con `Record<string, unknown>`. Las interfaces no la tienen, porque podrían ampliarse más adelante con fusión de declaraciones y añadir propiedades incompatibles.

```ts
type PuntoT = { x: number; y: number };
interface PuntoI {
  x: number;
  y: number;
}

function registrar(datos: Record<string, unknown>): void {
  console.log(Object.keys(datos));
}

const a: PuntoT = { x: 1, y: 2 };
const b: PuntoI = { x: 1, y: 2 };

registrar(a);        // correcto
// registrar(b);     // error con la interfaz
registrar({ ...b }); // solución: copia con un literal
export {};
```

Otra solución es cambiar el parámetro a `object` o a un genérico `T extends object`."""),

("comparison",
r"""¿Qué diferencia hay entre una interfaz y una clase abstracta?""",
r"""- Una interfaz es solo un contrato de tipos: no contiene código y desaparece al compilar.
- Una clase abstracta existe en JavaScript: puede tener implementaciones compartidas, constructor y estado, además de métodos abstractos que las subclases deben implementar.

```ts
interface Notificador {
  enviar(mensaje: string): void;
}

abstract class NotificadorBase implements Notificador {
  protected enviados = 0;

  enviar(mensaje: string): void {
    this.enviados++;
    this.entregar(`[${this.enviados}] ${mensaje}`);
  }

  protected abstract entregar(texto: string): void;
}

class NotificadorConsola extends NotificadorBase {
  protected entregar(texto: string): void {
    console.log(texto);
  }
}

new NotificadorConsola().enviar("Hola");
export {};
```

Una clase puede implementar muchas interfaces, pero solo extender una clase. Usa la abstracta cuando haya lógica común que compartir."""),

("comparison",
r"""¿Qué diferencia hay entre un alias de tipo y crear un tipo nuevo? ¿Son intercambiables dos alias con la misma forma?""",
r"""Un alias no crea un tipo distinto: solo da otro nombre. Por el tipado estructural, dos alias (o dos interfaces) con la misma forma son intercambiables, aunque representen conceptos diferentes.

```ts
type IdUsuario = string;
type IdPedido = string;

function cancelarPedido(id: IdPedido): void {
  console.log("cancelando", id);
}

const usuario: IdUsuario = "u-1";
cancelarPedido(usuario); // compila: ambos son string

// Para distinguirlos, usa un tipo «marcado» (branded):
type IdCliente = string & { readonly __marca: "IdCliente" };

function crearIdCliente(valor: string): IdCliente {
  return valor as IdCliente;
}

function borrarCliente(id: IdCliente): void {
  console.log("borrando", id);
}
borrarCliente(crearIdCliente("c-9"));
// borrarCliente("c-9"); // error: string no es IdCliente
export {};
```

La marca solo existe en el sistema de tipos; en ejecución sigue siendo una cadena."""),

# ---------------------------------------------------------------- complexity
("complexity",
r"""¿Es más eficiente para el compilador usar `interface extends` o intersecciones con `&`?""",
r"""En general, `interface extends` es más eficiente. El compilador guarda en caché las relaciones entre interfaces con nombre y comprueba sus miembros una sola vez al declararlas. Una intersección, en cambio, se recalcula y se aplana cada vez que se compara, y con muchas partes el coste crece.

```ts
interface Base {
  id: string;
}
interface ConFecha {
  fecha: Date;
}

// Preferible en jerarquías grandes:
interface Evento extends Base, ConFecha {
  tipo: string;
}

// Funciona igual, pero el compilador trabaja más en cada uso:
type EventoT = Base & ConFecha & { tipo: string };

const e: Evento = { id: "1", fecha: new Date(), tipo: "clic" };
const t: EventoT = e;
export { t };
```

En proyectos pequeños la diferencia no se nota. Importa cuando hay cientos de tipos compuestos o intersecciones anidadas en genéricos, donde la guía de rendimiento del equipo de TypeScript recomienda preferir interfaces."""),

("complexity",
r"""¿Por qué las intersecciones grandes producen mensajes de error difíciles de leer?""",
r"""Cuando una asignación falla contra una intersección anónima, el compilador tiene que mostrar el tipo expandido, y con muchas partes el mensaje se convierte en un bloque enorme de propiedades. Con una interfaz con nombre, el error menciona solo ese nombre y la propiedad problemática.

```ts
type Base = { id: string };
type Auditoria = { creadoPor: string; modificadoPor: string };
type Estado = { activo: boolean };

// El error mostraría «Base & Auditoria & Estado & {...}» expandido:
type RegistroT = Base & Auditoria & Estado & { notas: string[] };

// Aquí el error diría simplemente «... in type 'Registro'»:
interface Registro extends Base, Auditoria, Estado {
  notas: string[];
}

const r: Registro = {
  id: "1",
  creadoPor: "ana",
  modificadoPor: "ana",
  activo: true,
  notas: [],
};
const rt: RegistroT = r;
export { rt };
```

Si una intersección se usa en muchos sitios, dale forma de interfaz: ganas legibilidad en los errores y en el editor."""),

("complexity",
r"""¿Qué inconvenientes tiene abusar de la fusión de declaraciones?""",
r"""La fusión es potente, pero dispersa la definición de un tipo en varios archivos, y eso tiene costes de mantenimiento:

- Para saber qué contiene una interfaz hay que buscar todas sus declaraciones.
- Una librería o un archivo olvidado pueden añadir propiedades sin que te des cuenta.
- Los conflictos de tipos solo aparecen cuando ambas declaraciones entran en la misma compilación.

```ts
// Uso razonable: ampliar un tipo global en un único archivo de declaraciones.
declare global {
  interface Window {
    versionApp: string;
  }
}

// Para tus propios tipos, es más claro componer explícitamente:
interface UsuarioBase {
  id: number;
}
interface UsuarioConPerfil extends UsuarioBase {
  bio: string;
}
const u: UsuarioConPerfil = { id: 1, bio: "..." };
export { u };
```

Reserva la fusión para aumentar tipos de terceros o globales, y agrupa esas ampliaciones en un archivo conocido, como `globals.d.ts`."""),

("complexity",
r"""¿Cuándo empieza a perjudicar la legibilidad encadenar muchos alias de tipo derivados unos de otros?""",
r"""Derivar tipos evita duplicación, pero cada capa obliga al lector a seguir la cadena para saber qué forma tiene el resultado. Cuando hay tres o cuatro niveles de `Omit`, `Pick`, intersecciones y alias intermedios, el tipo final se vuelve opaco y los errores muestran estructuras difíciles de relacionar con el código.

```ts
interface Usuario {
  id: number;
  nombre: string;
  email: string;
  clave: string;
}

// Opaco: hay que desenredar varias capas.
type A = Omit<Usuario, "clave">;
type B = Pick<A, "id" | "nombre"> & { rol: string };
type C = Partial<B>;

// Más claro: una interfaz explícita con nombre de dominio.
interface FiltroUsuario {
  id?: number;
  nombre?: string;
  rol?: string;
}

const f: FiltroUsuario = { rol: "admin" };
const c: C = f; // son compatibles
export { c };
```

Deriva cuando la relación con el tipo original es importante (si cambia `Usuario`, debe cambiar el derivado). Si no lo es, escribe el tipo explícito."""),
]
