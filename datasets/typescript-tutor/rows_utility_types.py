"""Filas del tema «utility_types»: (categoría, instrucción, respuesta)."""

TOPIC = "utility_types"

ROWS = [
# ---------------------------------------------------------------- definition
("definition",
r"""¿Qué hace el tipo de utilidad `Partial<T>`?""",
r"""`Partial<T>` construye un tipo con todas las propiedades de `T` marcadas como opcionales. Es útil para actualizaciones parciales, formularios a medio rellenar u opciones con valores por defecto.

```ts
interface Opciones {
  idioma: string;
  tema: "claro" | "oscuro";
  notificaciones: boolean;
}

const porDefecto: Opciones = { idioma: "es", tema: "claro", notificaciones: true };

function configurar(cambios: Partial<Opciones>): Opciones {
  return { ...porDefecto, ...cambios };
}

configurar({ tema: "oscuro" }); // solo cambia el tema
configurar({});                 // también es válido
export {};
```

Es superficial: solo afecta al primer nivel. Las propiedades de objetos anidados siguen siendo obligatorias dentro de ellos."""),

("definition",
r"""¿Qué hace `Required<T>`?""",
r"""`Required<T>` es lo contrario de `Partial`: quita el modificador `?` de todas las propiedades, de modo que todas pasan a ser obligatorias (y su tipo deja de incluir el `undefined` que añadía el `?`).

```ts
interface OpcionesEntrada {
  reintentos?: number;
  timeout?: number;
}

type OpcionesResueltas = Required<OpcionesEntrada>;
// { reintentos: number; timeout: number }

function resolver(o: OpcionesEntrada): OpcionesResueltas {
  return { reintentos: o.reintentos ?? 3, timeout: o.timeout ?? 5000 };
}

const r = resolver({ timeout: 1000 });
r.reintentos.toFixed(); // no hace falta comprobar undefined
export {};
```

Es un patrón habitual: aceptar opciones parciales en la API pública y trabajar internamente con la versión `Required`."""),

("definition",
r"""¿Qué hace `Readonly<T>`?""",
r"""`Readonly<T>` marca todas las propiedades de `T` como `readonly`, de modo que no se pueden reasignar. Aplicado a un array, `Readonly<T[]>` produce `readonly T[]`, sin métodos que muten.

```ts
interface Estado {
  usuario: string;
  carrito: string[];
}

function reducir(estado: Readonly<Estado>, producto: string): Readonly<Estado> {
  // estado.usuario = "otro"; // error: solo lectura
  return { ...estado, carrito: [...estado.carrito, producto] };
}

const inicial: Readonly<Estado> = { usuario: "eva", carrito: [] };
const siguiente = reducir(inicial, "libro");
export { siguiente };
```

Igual que `Partial`, es superficial: `estado.carrito.push(...)` seguiría compilando, porque el array interno no es de solo lectura. Para eso hay que marcar también el array (`readonly string[]`) o escribir un tipo recursivo."""),

("definition",
r"""¿Qué es `Record<K, V>`?""",
r"""`Record<K, V>` construye un tipo objeto cuyas claves son `K` y cuyos valores son todos de tipo `V`. Si `K` es una unión de literales, exige exactamente esas claves; si es `string`, equivale a una firma de índice.

```ts
type Dia = "lun" | "mar" | "mie";

const horas: Record<Dia, number> = { lun: 8, mar: 7, mie: 8 };

// Con string: cualquier clave.
const traducciones: Record<string, string> = {
  hola: "hello",
  adios: "goodbye",
};

function total(h: Record<Dia, number>): number {
  return Object.values(h).reduce((a, b) => a + b, 0);
}
total(horas); // 23
traducciones["gracias"] = "thanks";
export {};
```

Es la forma más legible de describir diccionarios y tablas de consulta."""),

("definition",
r"""¿Qué hacen `Pick<T, K>` y `Omit<T, K>`?""",
r"""Ambos crean un tipo nuevo a partir de otro, seleccionando propiedades:

- `Pick<T, K>`: se queda solo con las propiedades `K`.
- `Omit<T, K>`: se queda con todas menos las propiedades `K`.

```ts
interface Usuario {
  id: number;
  nombre: string;
  email: string;
  clave: string;
}

type Resumen = Pick<Usuario, "id" | "nombre">;
// { id: number; nombre: string }

type UsuarioPublico = Omit<Usuario, "clave">;
// { id: number; nombre: string; email: string }

function publico(u: Usuario): UsuarioPublico {
  const { clave, ...resto } = u;
  return resto;
}
const r: Resumen = { id: 1, nombre: "Aitor" };
export { publico, r };
```

Una diferencia importante: `Pick` comprueba que las claves existan en `T`; `Omit` acepta cualquier clave, así que una errata pasa desapercibida."""),

("definition",
r"""¿Qué hacen `Exclude` y `Extract`?""",
r"""Ambos filtran los miembros de una unión:

- `Exclude<T, U>`: quita de `T` los miembros asignables a `U`.
- `Extract<T, U>`: se queda solo con los miembros de `T` asignables a `U`.

```ts
type Evento = "clic" | "doble-clic" | "tecla" | "scroll";

type DeRaton = Extract<Evento, "clic" | "doble-clic">; // "clic" | "doble-clic"
type Resto = Exclude<Evento, DeRaton>;                 // "tecla" | "scroll"

// También con uniones de objetos:
type Forma = { tipo: "circulo"; r: number } | { tipo: "cuadrado"; l: number };
type Circulo = Extract<Forma, { tipo: "circulo" }>;

const e: Resto = "scroll";
const c: Circulo = { tipo: "circulo", r: 2 };
export { e, c };
```

Trabajan sobre uniones de tipos, no sobre propiedades de un objeto: para quitar propiedades se usa `Omit`."""),

("definition",
r"""¿Qué hacen `ReturnType` y `Parameters`?""",
r"""Extraen tipos de una función a partir de su tipo:

- `ReturnType<F>`: el tipo de retorno.
- `Parameters<F>`: una tupla con los tipos de los parámetros.

Ambos reciben un tipo, así que con una función declarada hay que usar `typeof`.

```ts
function crearSesion(usuario: string, recordar: boolean) {
  return { usuario, token: crypto.randomUUID(), recordar };
}

type Sesion = ReturnType<typeof crearSesion>;
// { usuario: string; token: string; recordar: boolean }

type ArgsSesion = Parameters<typeof crearSesion>;
// [usuario: string, recordar: boolean]

function guardar(s: Sesion): void {
  console.log(s.token);
}
const args: ArgsSesion = ["marta", true];
guardar(crearSesion(...args));
export {};
```

Son útiles para no duplicar tipos que ya define una función, sobre todo si viene de una librería."""),

("definition",
r"""¿Qué hacen `NonNullable<T>` y `Awaited<T>`?""",
r"""- `NonNullable<T>` quita `null` y `undefined` de un tipo.
- `Awaited<T>` obtiene el tipo que produce una promesa al esperarla con `await`, desenvolviendo también promesas anidadas.

```ts
type Entrada = string | null | undefined;
type Limpia = NonNullable<Entrada>; // string

type A = Awaited<Promise<number>>;            // number
type B = Awaited<Promise<Promise<string[]>>>; // string[]

async function cargarPerfil() {
  return { nombre: "Iker", seguidores: 120 };
}

type Perfil = Awaited<ReturnType<typeof cargarPerfil>>;
// { nombre: string; seguidores: number }

const l: Limpia = "ok";
const a: A = 1;
const b: B = ["x"];
const p: Perfil = { nombre: "Iker", seguidores: 1 };
export { l, a, b, p };
```

La combinación `Awaited<ReturnType<typeof f>>` es el modo habitual de obtener el resultado de una función asíncrona."""),

# ---------------------------------------------------------------- example
("example",
r"""Escribe una función de actualización de un registro usando `Partial`.""",
r"""Recibe el registro original y un objeto `Partial` con los cambios. Al combinar con el operador de propagación, el resultado vuelve a ser completo.

```ts
interface Producto {
  id: number;
  nombre: string;
  precio: number;
  stock: number;
}

function actualizar(p: Producto, cambios: Partial<Omit<Producto, "id">>): Producto {
  return { ...p, ...cambios };
}

const teclado: Producto = { id: 1, nombre: "Teclado", precio: 40, stock: 10 };

const rebajado = actualizar(teclado, { precio: 32 });
const agotado = actualizar(teclado, { stock: 0 });
// actualizar(teclado, { id: 2 }); // error: el id no se puede cambiar
export { rebajado, agotado };
```

Combinar `Partial` con `Omit` impide modificar campos que deben ser inmutables, como el identificador."""),

("example",
r"""¿Cómo creo un tipo para los datos de creación de una entidad, sin los campos que genera el servidor?""",
r"""Usa `Omit` para quitar los campos generados (id, fechas) del tipo completo. Así el tipo de entrada se mantiene sincronizado con la entidad.

```ts
interface Comentario {
  id: string;
  autor: string;
  texto: string;
  creadoEn: Date;
}

type NuevoComentario = Omit<Comentario, "id" | "creadoEn">;
// { autor: string; texto: string }

function publicar(datos: NuevoComentario): Comentario {
  return {
    ...datos,
    id: crypto.randomUUID(),
    creadoEn: new Date(),
  };
}

const c = publicar({ autor: "Nora", texto: "¡Buen artículo!" });
console.log(c.id);
export {};
```

Si mañana añades un campo `editado: boolean` a `Comentario`, el compilador te obligará a darlo al crear, a menos que lo añadas también al `Omit`."""),

("example",
r"""Dame un ejemplo de `Record` para la configuración de cada entorno.""",
r"""Define la unión de entornos y usa `Record` para exigir una configuración completa para cada uno.

```ts
type Entorno = "desarrollo" | "pruebas" | "produccion";

interface ConfigEntorno {
  apiUrl: string;
  depurar: boolean;
}

const configuraciones: Record<Entorno, ConfigEntorno> = {
  desarrollo: { apiUrl: "http://localhost:3000", depurar: true },
  pruebas: { apiUrl: "https://pruebas.ejemplo.es", depurar: true },
  produccion: { apiUrl: "https://api.ejemplo.es", depurar: false },
};

function config(entorno: Entorno): ConfigEntorno {
  return configuraciones[entorno];
}

config("produccion").apiUrl;
export {};
```

Si añades `"preproduccion"` a `Entorno`, el objeto dará error hasta que incluyas su configuración, así que nunca faltará un entorno."""),

("example",
r"""¿Cómo uso `ReturnType` para tipar el estado que devuelve una función fábrica?""",
r"""Cuando una función construye un objeto complejo, `ReturnType<typeof fabrica>` te da su tipo sin escribirlo a mano. Si la fábrica cambia, el tipo se actualiza solo.

```ts
function crearCarrito() {
  const lineas: { sku: string; cantidad: number }[] = [];
  return {
    lineas,
    anadir(sku: string, cantidad = 1) {
      lineas.push({ sku, cantidad });
    },
    total() {
      return lineas.reduce((n, l) => n + l.cantidad, 0);
    },
  };
}

type Carrito = ReturnType<typeof crearCarrito>;

function resumen(c: Carrito): string {
  return `${c.total()} artículos`;
}

const carrito = crearCarrito();
carrito.anadir("LIB-1", 2);
resumen(carrito); // "2 artículos"
export {};
```

Esta técnica es común con fábricas de stores o clientes de API."""),

("example",
r"""Escribe una función que envuelva otra y registre sus llamadas, usando `Parameters` y `ReturnType`.""",
r"""Con un genérico restringido a funciones, `Parameters<F>` y `ReturnType<F>` permiten que el envoltorio tenga exactamente la misma firma que la función original.

```ts
function conRegistro<F extends (...args: any[]) => any>(
  nombre: string,
  fn: F,
): (...args: Parameters<F>) => ReturnType<F> {
  return (...args) => {
    console.log(`→ ${nombre}(${args.join(", ")})`);
    const resultado = fn(...args);
    console.log(`← ${nombre} =`, resultado);
    return resultado;
  };
}

function sumar(a: number, b: number): number {
  return a + b;
}

const sumarRegistrado = conRegistro("sumar", sumar);
sumarRegistrado(2, 3);      // number
// sumarRegistrado("2", 3); // error: misma firma que sumar
export {};
```

El `any` de la restricción es la forma habitual de aceptar cualquier función; la seguridad viene de `Parameters` y `ReturnType`."""),

("example",
r"""Muéstrame cómo usar `Uppercase`, `Capitalize` y otras utilidades de cadenas.""",
r"""TypeScript incluye cuatro utilidades que transforman tipos literales de cadena: `Uppercase`, `Lowercase`, `Capitalize` y `Uncapitalize`. Combinadas con plantillas literales generan nombres derivados.

```ts
type Entidad = "usuario" | "factura";

type Constante = Uppercase<Entidad>;            // "USUARIO" | "FACTURA"
type Metodo = `cargar${Capitalize<Entidad>}`;   // "cargarUsuario" | "cargarFactura"

type Api = { [E in Entidad as `obtener${Capitalize<E>}`]: (id: number) => string };

const api: Api = {
  obtenerUsuario: (id) => `usuario ${id}`,
  obtenerFactura: (id) => `factura ${id}`,
};

const c: Constante = "FACTURA";
const m: Metodo = "cargarUsuario";
api.obtenerFactura(7);
export { c, m };
```

Son tipos intrínsecos: el compilador los implementa directamente y solo afectan a tipos, no a los valores en ejecución."""),

("example",
r"""Dame un ejemplo práctico de `NoInfer`.""",
r"""`NoInfer<T>` (TypeScript 5.4) evita que un parámetro participe en la inferencia de `T`. Así el tipo se deduce solo de los demás argumentos, y ese parámetro únicamente se comprueba.

```ts
function crearSelector<T extends string>(opciones: T[], inicial: NoInfer<T>): T {
  return inicial;
}

crearSelector(["rojo", "verde", "azul"], "verde"); // correcto
// crearSelector(["rojo", "verde"], "morado");     // error: no está entre las opciones

// Sin NoInfer, "morado" se sumaría a T y la llamada compilaría:
function crearSelectorLaxo<T extends string>(opciones: T[], inicial: T): T {
  return inicial;
}
crearSelectorLaxo(["rojo", "verde"], "morado");
export {};
```

Es útil en valores por defecto, estados iniciales o claves que deben pertenecer a una lista dada en otro argumento."""),

("example",
r"""¿Cómo obtengo el tipo de las instancias de una clase que recibo como parámetro?""",
r"""Usa `InstanceType` sobre el tipo del constructor. Combinado con un genérico, permite escribir fábricas que devuelven el tipo correcto.

```ts
class Servicio {
  iniciar(): void {
    console.log("iniciado");
  }
}

class ServicioCorreo extends Servicio {
  enviar(destino: string): string {
    return `enviado a ${destino}`;
  }
}

function crear<C extends new () => Servicio>(clase: C): InstanceType<C> {
  const instancia = new clase() as InstanceType<C>;
  instancia.iniciar();
  return instancia;
}

const correo = crear(ServicioCorreo); // ServicioCorreo
correo.enviar("ana@ejemplo.es");
type S = InstanceType<typeof Servicio>; // Servicio
const s: S = new Servicio();
export { s };
```

`typeof ServicioCorreo` es el tipo del constructor; `InstanceType` da el tipo de lo que crea."""),

("example",
r"""Muéstrame cómo congelar un objeto de configuración y reflejarlo en el tipo.""",
r"""`Object.freeze` devuelve un valor con tipo `Readonly<T>`, así que el compilador impide modificarlo y, en ejecución, el objeto queda congelado de verdad.

```ts
interface Config {
  url: string;
  reintentos: number;
  cabeceras: Record<string, string>;
}

const config = Object.freeze<Config>({
  url: "https://api.ejemplo.es",
  reintentos: 3,
  cabeceras: { accept: "application/json" },
});

// config.reintentos = 5;         // error: propiedad de solo lectura
config.cabeceras["x-id"] = "1";   // compila: freeze no es profundo

function usar(c: Readonly<Config>): string {
  return `${c.url} (${c.reintentos})`;
}
usar(config);
export {};
```

Tanto `Object.freeze` como `Readonly` son superficiales: los objetos anidados siguen siendo mutables, en el tipo y en ejecución."""),

# ---------------------------------------------------------------- error_correction
("error_correction",
r"""¿Por qué falla esto? `error TS2344: Type '"correo" | "nombre"' does not satisfy the constraint 'keyof Usuario'.`

```ts-error
interface Usuario {
  id: number;
  nombre: string;
  email: string;
}

type Contacto = Pick<Usuario, "nombre" | "correo">;
```""",
r"""`Pick<T, K>` exige que todos los miembros de `K` sean claves existentes de `T` (`K extends keyof T`). El mensaje muestra la unión completa `"correo" | "nombre"`, pero el problema es solo `"correo"`: `Usuario` tiene `email`, no `correo`.

Usa el nombre correcto de la propiedad:

```ts
interface Usuario {
  id: number;
  nombre: string;
  email: string;
}

type Contacto = Pick<Usuario, "nombre" | "email">;

const c: Contacto = { nombre: "Hugo", email: "hugo@ejemplo.es" };
export { c };
```

Esta comprobación es una ventaja de `Pick` frente a `Omit`: si escribieras `Omit<Usuario, "correo">`, no habría error y simplemente no se quitaría nada. Si te preocupa eso, puedes definir un `Omit` estricto:

```ts
export type OmitEstricto<T, K extends keyof T> = Omit<T, K>;
```"""),

("error_correction",
r"""Tengo `error TS2345: Argument of type 'Partial<Pedido>' is not assignable to parameter of type 'Pedido'.`

```ts-error
interface Pedido {
  id: number;
  total: number;
}

function guardar(p: Pedido): void {
  console.log(p.id, p.total);
}

const borrador: Partial<Pedido> = { total: 30 };
guardar(borrador);
```""",
r"""En un `Partial<Pedido>` todas las propiedades pueden faltar, pero `guardar` necesita un `Pedido` completo. El compilador no puede garantizar que `id` y `total` existan.

Completa los datos antes de guardar, o comprueba que estén:

```ts
interface Pedido {
  id: number;
  total: number;
}

function guardar(p: Pedido): void {
  console.log(p.id, p.total);
}

const borrador: Partial<Pedido> = { total: 30 };

// 1. Completar con valores por defecto.
guardar({ id: Date.now(), total: 0, ...borrador });

// 2. Validar con un predicado de tipo.
function estaCompleto(p: Partial<Pedido>): p is Pedido {
  return p.id !== undefined && p.total !== undefined;
}
if (estaCompleto(borrador)) {
  guardar(borrador);
}
export {};
```"""),

("error_correction",
r"""Me da `error TS2749: 'calcularTotal' refers to a value, but is being used as a type here. Did you mean 'typeof calcularTotal'?`

```ts-error
function calcularTotal(precios: number[]) {
  return { total: precios.reduce((a, b) => a + b, 0), moneda: "EUR" };
}

type Total = ReturnType<calcularTotal>;
```""",
r"""`ReturnType` espera un tipo de función, pero `calcularTotal` es un valor (la función en sí). En posición de tipo hay que convertir el valor en su tipo con `typeof`, como sugiere el propio mensaje.

```ts
function calcularTotal(precios: number[]) {
  return { total: precios.reduce((a, b) => a + b, 0), moneda: "EUR" };
}

type Total = ReturnType<typeof calcularTotal>;
// { total: number; moneda: string }

const t: Total = calcularTotal([10, 5]);
console.log(t.total);
export {};
```

Lo mismo ocurre con `Parameters`, `InstanceType` y cualquier utilidad que reciba el tipo de una función o clase: usa `typeof nombre` cuando partas de un valor."""),

("error_correction",
r"""¿Por qué falla este `Record`? `error TS2741: Property 'en' is missing in type '{ es: string; }' but required in type 'Record<Idioma, string>'.`

```ts-error
type Idioma = "es" | "en";

const saludos: Record<Idioma, string> = {
  es: "Hola",
};
```""",
r"""Cuando las claves de `Record` son una unión de literales, todas son obligatorias. Falta la traducción para `"en"`.

Añade la clave o declara que el registro puede estar incompleto:

```ts
type Idioma = "es" | "en";

// 1. Completo: todas las claves presentes.
const saludos: Record<Idioma, string> = {
  es: "Hola",
  en: "Hello",
};

// 2. Incompleto a propósito: Partial hace opcionales las claves.
const despedidas: Partial<Record<Idioma, string>> = {
  es: "Adiós",
};

const texto = despedidas.en ?? despedidas.es ?? "";
export { saludos, texto };
```

La primera opción es preferible para traducciones: el compilador te avisa en cuanto añades un idioma nuevo y olvidas un texto."""),

("error_correction",
r"""Me sale `error TS2493: Tuple type '[nombre: string, edad: number]' of length '2' has no element at index '2'.`

```ts-error
function registrar(nombre: string, edad: number) {
  return `${nombre} (${edad})`;
}

type Tercero = Parameters<typeof registrar>[2];
```""",
r"""`Parameters<typeof registrar>` es la tupla `[nombre: string, edad: number]`, de longitud 2. Los índices válidos son 0 y 1; el índice 2 no existe.

Usa un índice válido o, si la función debe tener un tercer parámetro, añádelo:

```ts
function registrar(nombre: string, edad: number, activo = true) {
  return `${nombre} (${edad})${activo ? "" : " inactivo"}`;
}

type Args = Parameters<typeof registrar>;
// [nombre: string, edad: number, activo?: boolean]

type Primero = Args[0];  // string
type Tercero = Args[2];  // boolean | undefined

const a: Primero = "Ana";
const t: Tercero = false;
registrar(a, 30, t);
export {};
```

Recuerda que los índices de las tuplas empiezan en 0, igual que en los arrays."""),

("error_correction",
r"""¿Por qué falla esta asignación? `error TS2353: Object literal may only specify known properties, and 'id' does not exist in type 'Promise<{ id: number; nombre: string; }>'.`

```ts-error
async function cargarUsuario() {
  return { id: 1, nombre: "Rocío" };
}

type Usuario = ReturnType<typeof cargarUsuario>;

const u: Usuario = { id: 2, nombre: "Pedro" };
```""",
r"""`cargarUsuario` es asíncrona, así que su tipo de retorno es una `Promise`. `ReturnType` devuelve exactamente eso: `Promise<{ id: number; nombre: string }>`, y un objeto normal no es una promesa.

Desenvuelve la promesa con `Awaited`:

```ts
async function cargarUsuario() {
  return { id: 1, nombre: "Rocío" };
}

type Usuario = Awaited<ReturnType<typeof cargarUsuario>>;
// { id: number; nombre: string }

const u: Usuario = { id: 2, nombre: "Pedro" };

async function mostrar(): Promise<void> {
  const cargado: Usuario = await cargarUsuario();
  console.log(cargado.nombre, u.nombre);
}
void mostrar();
export {};
```

`Awaited` también desenvuelve promesas anidadas y deja intactos los tipos que no son promesas."""),

("error_correction",
r"""¿Por qué no puedo añadir elementos? `error TS2339: Property 'push' does not exist on type 'readonly string[]'.`

```ts-error
function anadirEtiqueta(etiquetas: Readonly<string[]>, nueva: string) {
  etiquetas.push(nueva);
  return etiquetas;
}
```""",
r"""`Readonly<string[]>` es `readonly string[]`, un array sin métodos que mutan (`push`, `pop`, `splice`...). La firma promete que la función no modificará el array recibido, y `push` rompería esa promesa.

Devuelve un array nuevo en lugar de mutar el original:

```ts
function anadirEtiqueta(etiquetas: Readonly<string[]>, nueva: string): string[] {
  return [...etiquetas, nueva];
}

const originales = ["ts", "js"] as const;
const ampliadas = anadirEtiqueta(originales, "node");
// originales no cambia; ampliadas es ["ts", "js", "node"]
export { ampliadas };
```

Si de verdad la función debe modificar el array, quita `Readonly` del parámetro (`etiquetas: string[]`), aunque entonces ya no aceptará arrays de solo lectura como `originales`."""),

("error_correction",
r"""Al usar `Required` me aparece `error TS2322: Type 'string | undefined' is not assignable to type 'string'.`

```ts-error
interface Opciones {
  prefijo?: string;
  sufijo?: string;
}

function resolver(o: Opciones): Required<Opciones> {
  return { prefijo: o.prefijo, sufijo: o.sufijo ?? "" };
}
```""",
r"""`Required<Opciones>` convierte `prefijo` en un `string` obligatorio, pero `o.prefijo` puede ser `undefined` porque en `Opciones` es opcional. Falta un valor por defecto para ese campo, igual que ya tiene `sufijo`.

```ts
interface Opciones {
  prefijo?: string;
  sufijo?: string;
}

function resolver(o: Opciones): Required<Opciones> {
  return { prefijo: o.prefijo ?? "", sufijo: o.sufijo ?? "" };
}

resolver({ sufijo: "!" }); // { prefijo: "", sufijo: "!" }
export {};
```

Para muchos campos es más cómodo partir de un objeto de valores por defecto completo y propagar encima las opciones recibidas, filtrando antes las que valgan `undefined`."""),

# ---------------------------------------------------------------- comparison
("comparison",
r"""¿Cuándo uso `Pick` y cuándo `Omit`?""",
r"""Ambos derivan un tipo de otro, pero parten de lados opuestos:

- `Pick` enumera lo que quieres conservar. Es mejor cuando te quedas con pocas propiedades, y comprueba que existan.
- `Omit` enumera lo que quieres quitar. Es mejor cuando quitas pocas propiedades de un tipo grande, pero no valida las claves.

```ts
interface Empleado {
  id: number;
  nombre: string;
  email: string;
  salario: number;
  departamento: string;
}

// Pocas propiedades necesarias: Pick.
type Tarjeta = Pick<Empleado, "nombre" | "email">;

// Casi todas salvo una sensible: Omit.
type EmpleadoPublico = Omit<Empleado, "salario">;

const t: Tarjeta = { nombre: "Berta", email: "berta@ejemplo.es" };
const p: EmpleadoPublico = { id: 1, nombre: "Berta", email: "b@e.es", departamento: "IT" };
export { t, p };
```

Un matiz: si añades una propiedad a `Empleado`, `Omit` la incluirá automáticamente y `Pick` no. Piensa qué comportamiento quieres cuando el tipo crezca."""),

("comparison",
r"""¿Qué diferencia hay entre `Exclude` y `Omit`?""",
r"""- `Exclude<T, U>` actúa sobre uniones: quita miembros de una unión.
- `Omit<T, K>` actúa sobre objetos: quita propiedades de un tipo objeto.

```ts
type Rol = "admin" | "editor" | "invitado";
type RolInterno = Exclude<Rol, "invitado">; // "admin" | "editor"

interface Cuenta {
  usuario: string;
  rol: Rol;
  clave: string;
}
type CuentaSegura = Omit<Cuenta, "clave">; // { usuario: string; rol: Rol }

const r: RolInterno = "editor";
const c: CuentaSegura = { usuario: "pau", rol: r };
export { c };
```

De hecho, `Omit` se define usando `Exclude` sobre las claves: `Omit<T, K>` equivale a `Pick<T, Exclude<keyof T, K>>`. Si confundes uno con otro, el resultado no será el esperado pero normalmente tampoco dará error, así que conviene tener clara la diferencia."""),

("comparison",
r"""¿Es lo mismo `Record<string, T>` que una firma de índice `{ [clave: string]: T }`?""",
r"""Producen el mismo tipo: `Record<string, T>` es un tipo mapeado que, con `string` como clave, equivale a una firma de índice. La diferencia está en lo que cada sintaxis permite además:

- `Record<K, T>` acepta uniones de literales como `K` y exige todas esas claves.
- La firma de índice permite añadir propiedades con nombre junto a ella y dar un nombre descriptivo al parámetro de la clave.

```ts
type A = Record<string, number>;
interface B {
  [producto: string]: number;
}

const a: A = { pan: 1 };
const b: B = a; // intercambiables

// Solo Record: claves cerradas.
type Notas = Record<"mates" | "lengua", number>;

// Solo firma de índice: mezclar con propiedades conocidas.
interface Inventario {
  total: number;
  [producto: string]: number;
}
const n: Notas = { mates: 8, lengua: 7 };
const inv: Inventario = { total: 3, pan: 3 };
export { b, n, inv };
```"""),

("comparison",
r"""¿Qué diferencia hay entre `Readonly<T>`, `as const` y `Object.freeze`?""",
r"""- `Readonly<T>`: solo tipos. Marca las propiedades de primer nivel como de solo lectura; no cambia nada en ejecución.
- `as const`: solo tipos. Hace todo el literal de solo lectura en profundidad y conserva los tipos literales; no cambia nada en ejecución.
- `Object.freeze`: ejecución. Congela el objeto de verdad (superficialmente), y su tipo de retorno es `Readonly<T>`.

```ts
const a: Readonly<{ n: number; lista: number[] }> = { n: 1, lista: [1] };
a.lista.push(2); // compila: Readonly es superficial

const b = { n: 1, lista: [1] } as const;
// b.lista.push(2); // error: readonly [1]

const c = Object.freeze({ n: 1, lista: [1] });
// c.n = 2;         // error de tipos y, además, no cambiaría en ejecución
c.lista.push(2);    // compila y funciona: freeze es superficial
export {};
```

Para constantes declaradas en el código, `as const` suele bastar. Usa `Object.freeze` cuando necesites protección real en ejecución."""),

("comparison",
r"""¿Cuál es la diferencia entre `ReturnType<typeof f>` y `Awaited<ReturnType<typeof f>>`?""",
r"""Para funciones síncronas dan lo mismo. Para funciones `async`, `ReturnType` devuelve la `Promise`, y `Awaited` desenvuelve el valor que produce esa promesa.

```ts
function sincrona() {
  return { ok: true };
}

async function asincrona() {
  return { ok: true, ms: 120 };
}

type A = ReturnType<typeof sincrona>;               // { ok: boolean }
type B = ReturnType<typeof asincrona>;              // Promise<{ ok: boolean; ms: number }>
type C = Awaited<ReturnType<typeof asincrona>>;     // { ok: boolean; ms: number }
type D = Awaited<ReturnType<typeof sincrona>>;      // { ok: boolean } (sin cambios)

const a: A = { ok: true };
const b: B = asincrona();
const c: C = { ok: false, ms: 0 };
const d: D = a;
export { b, c, d };
```

Usar `Awaited<ReturnType<...>>` siempre es seguro: si la función no es asíncrona, el tipo se queda igual."""),

("comparison",
r"""¿Qué diferencia hay entre `Required<T>` y `NonNullable<T>`?""",
r"""- `Required<T>` actúa sobre las propiedades de un tipo objeto: quita el `?` de todas ellas.
- `NonNullable<T>` actúa sobre un tipo (normalmente una unión): quita `null` y `undefined` de él.

```ts
interface Ficha {
  nombre?: string;
  apodo: string | null;
}

type FichaCompleta = Required<Ficha>;
// { nombre: string; apodo: string | null }  ← apodo sigue admitiendo null

type Apodo = NonNullable<Ficha["apodo"]>; // string

// Para limpiar todas las propiedades, combínalos en un tipo mapeado:
type Estricta<T> = { [K in keyof T]-?: NonNullable<T[K]> };
type FichaEstricta = Estricta<Ficha>; // { nombre: string; apodo: string }

const f: FichaCompleta = { nombre: "Teo", apodo: null };
const e: FichaEstricta = { nombre: "Teo", apodo: "T" };
const ap: Apodo = e.apodo;
export { f, ap };
```

`Required` no toca el `null` explícito; solo elimina la opcionalidad."""),

("comparison",
r"""¿En qué se diferencian `Extract` y un tipo con `Pick` para seleccionar variantes de una unión discriminada?""",
r"""`Extract` selecciona miembros completos de una unión según su forma; `Pick` selecciona propiedades de un tipo objeto. Para obtener una variante concreta de una unión discriminada, la herramienta correcta es `Extract`.

```ts
type Accion =
  | { tipo: "anadir"; producto: string }
  | { tipo: "quitar"; producto: string; cantidad: number }
  | { tipo: "vaciar" };

type Quitar = Extract<Accion, { tipo: "quitar" }>;
// { tipo: "quitar"; producto: string; cantidad: number }

type SoloTipo = Pick<Accion, "tipo">;
// { tipo: "anadir" | "quitar" | "vaciar" }  ← otra cosa

function quitar(a: Quitar): string {
  return `${a.cantidad} × ${a.producto}`;
}
const t: SoloTipo = { tipo: "vaciar" };
quitar({ tipo: "quitar", producto: "pan", cantidad: 2 });
export { t };
```

Además, `Pick` sobre una unión solo permite claves comunes a todos los miembros, así que no puede acceder a `cantidad`."""),

("comparison",
r"""¿Qué diferencia hay entre `Partial<T>` y hacer opcional cada propiedad a mano?""",
r"""El resultado inicial es el mismo, pero `Partial<T>` se mantiene sincronizado con `T`: si `T` gana o pierde propiedades, el tipo parcial cambia solo. Con una copia manual, tienes dos definiciones que pueden desviarse.

```ts
interface Filtros {
  texto: string;
  categoria: string;
  precioMax: number;
}

// Derivado: siempre coincide con Filtros.
type FiltrosParciales = Partial<Filtros>;

// Manual: si añades "marca" a Filtros, aquí se te puede olvidar.
interface FiltrosManuales {
  texto?: string;
  categoria?: string;
  precioMax?: number;
}

const a: FiltrosParciales = { texto: "silla" };
const b: FiltrosManuales = a;
export { b };
```

El tipo manual solo compensa cuando la versión opcional tiene, de verdad, un significado distinto y debe evolucionar por separado, o cuando quieres documentar cada campo con comentarios propios."""),

# ---------------------------------------------------------------- complexity
("complexity",
r"""¿Qué problemas tiene un `DeepPartial` recursivo y cuánto cuesta al compilador?""",
r"""Un `DeepPartial` aplica `Partial` en todos los niveles de un objeto. Es útil para parches y mocks de pruebas, pero tiene costes:

- Se expande en cada nivel, y con tipos grandes o muy anidados el compilador trabaja mucho más y los mensajes de error se alargan.
- Hay que cortar la recursión en funciones, fechas y otros objetos especiales, o los romperás.
- Con tipos que se referencian a sí mismos puede acercarse al límite de profundidad.

```ts
type DeepPartial<T> = T extends (...args: any[]) => unknown
  ? T
  : T extends Date
    ? T
    : T extends object
      ? { [K in keyof T]?: DeepPartial<T[K]> }
      : T;

interface Ajustes {
  red: { proxy: { host: string; puerto: number } };
  creado: Date;
}

const parche: DeepPartial<Ajustes> = { red: { proxy: { puerto: 8080 } } };
export { parche };
```

Úsalo en los pocos sitios que lo necesitan, no como tipo general de tus modelos."""),

("complexity",
r"""¿Por qué `Omit` pierde el discriminante de una unión y cómo se soluciona?""",
r"""`Omit` no es distributivo: aplica `keyof` sobre la unión completa, que solo contiene las claves comunes. El resultado es un único tipo objeto con las propiedades comunes, y se pierde la relación entre el discriminante y los campos propios de cada variante.

```ts
type Figura =
  | { id: string; tipo: "circulo"; radio: number }
  | { id: string; tipo: "rect"; ancho: number };

type SinIdRoto = Omit<Figura, "id">;
// { tipo: "circulo" | "rect" }  ← radio y ancho desaparecen

// Versión distributiva: se aplica a cada miembro por separado.
type OmitDistributivo<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

type SinId = OmitDistributivo<Figura, "id">;

const f: SinId = { tipo: "circulo", radio: 3 };
const roto: SinIdRoto = { tipo: "rect" };
export { f, roto };
```

La versión distributiva cuesta una evaluación por miembro, algo aceptable para uniones de tamaño normal."""),

("complexity",
r"""¿Es mala idea anidar muchos tipos de utilidad, como `Partial<Omit<Pick<...>>>`?""",
r"""No es incorrecto, pero cada capa resta legibilidad: para entender el resultado hay que evaluar mentalmente las utilidades de dentro hacia fuera, y el editor y los errores muestran el tipo anidado tal cual. También añade trabajo al compilador, aunque rara vez es significativo.

```ts
interface Cliente {
  id: number;
  nombre: string;
  email: string;
  notas: string;
  creado: Date;
}

// Difícil de leer:
type X = Readonly<Partial<Omit<Pick<Cliente, "id" | "nombre" | "email" | "notas">, "id">>>;

// Mejor: pasos con nombre.
type DatosEditables = Omit<Cliente, "id" | "creado">;
type CambiosCliente = Readonly<Partial<DatosEditables>>;

const c: CambiosCliente = { notas: "VIP" };
const x: X = c;
export { x };
```

Como regla, si necesitas más de dos utilidades anidadas, extrae alias intermedios con nombres de dominio."""),

("complexity",
r"""¿Cuándo se vuelve costoso un `Record` con claves generadas por plantillas literales?""",
r"""`Record<K, V>` crea una propiedad por cada miembro de `K`. Si `K` es una plantilla literal que combina varias uniones, el número de claves es el producto de sus tamaños, y el tipo resultante puede tener miles de propiedades: objetos enormes en memoria, autocompletado lento y errores ilegibles.

```ts
type Idioma = "es" | "en" | "fr";
type Pantalla = "inicio" | "perfil" | "ajustes";

// 9 claves: razonable.
type Textos = Record<`${Idioma}.${Pantalla}`, string>;

// Con 30 idiomas y 200 pantallas serían 6000 claves.
// Alternativa: anidar en lugar de multiplicar.
type TextosAnidados = Record<Idioma, Partial<Record<Pantalla, string>>>;

const t: TextosAnidados = { es: { inicio: "Inicio" }, en: {}, fr: {} };
type Clave = keyof Textos;
const k: Clave = "fr.ajustes";
export { t, k };
```

Anidar mantiene cada `Record` pequeño (suma en vez de producto) y suele reflejar mejor la estructura real de los datos."""),
]
