"""Filas del tema "hashing". Cada fila: (nivel, categoría, [turnos])."""

TOPIC = "hashing"

ROWS = [
    ("basico", "definition", [
        r"""¿Qué es una tabla hash?""",
        r"""Una tabla hash es una estructura que guarda pares clave-valor y permite buscar, insertar y borrar por clave muy rápido.

Cómo funciona:
1. Tiene un arreglo de m posiciones (cubetas).
2. Una función hash convierte la clave en un número, y `hash(clave) % m` indica la cubeta.
3. Para buscar, se calcula la misma cubeta y solo se comparan las claves que hay allí.
4. Si dos claves caen en la misma cubeta (colisión), la tabla lo resuelve con listas por cubeta o buscando otra posición libre.
5. Cuando se llena demasiado, crece y reubica los elementos para que las cubetas sigan casi vacías.

En Python, `dict` y `set` son tablas hash.

Complejidad: buscar, insertar y borrar cuestan O(1) en promedio y O(n) en el peor caso (todas las claves en la misma cubeta); ocupa O(n) en espacio.

Error común: esperar que recorra las claves en orden ordenado; un `dict` de Python conserva el orden de inserción, no el orden de las claves.

Ejemplo:
```python
edades = {}
edades["Ana"] = 31       # insertar: O(1) en promedio
edades["Luis"] = 25
print(edades["Ana"])     # buscar: 31
print("Eva" in edades)   # False
del edades["Luis"]       # borrar
```""",
    ]),
    ("basico", "definition", [
        r"""¿Qué es una función hash y qué propiedades debe cumplir?""",
        r"""Una función hash transforma una clave (un texto, un número, una tupla) en un número entero de tamaño fijo, que la tabla usa para elegir una posición.

Propiedades que necesita una tabla hash:
1. Determinista: la misma clave da siempre el mismo resultado durante la ejecución.
2. Coherente con la igualdad: si a == b, entonces hash(a) == hash(b).
3. Buen reparto: claves distintas deben repartirse de forma uniforme para que haya pocas colisiones.
4. Rápida de calcular.

No se exige que sea inyectiva: como hay infinitas claves posibles y un número finito de valores, las colisiones son inevitables.

Complejidad: calcular el hash de una clave de tamaño L cuesta O(L) en tiempo (Python guarda en caché el hash de cada cadena) y O(1) en espacio.

Error común: suponer que claves distintas nunca comparten hash. Otro: guardar en disco el resultado de `hash()` de una cadena; en Python cambia entre ejecuciones, porque se aleatoriza por seguridad.

Ejemplo de una función mala: sumar los códigos de los caracteres.
```python
def h(s, m=10):
    return sum(ord(c) for c in s) % m

print(h("ab"), h("ba"))  # 5 5: todos los anagramas colisionan
```""",
    ]),
    ("intermedio", "definition", [
        r"""¿Qué es una colisión en una tabla hash y cómo se resuelve con encadenamiento?""",
        r"""Hay colisión cuando dos claves distintas van a la misma cubeta. Con encadenamiento, cada cubeta guarda una lista con todos sus pares.

1. Insertar: calcula la cubeta; si la clave ya está en su lista, actualiza el valor; si no, añade el par.
2. Buscar: calcula la cubeta y recorre solo su lista.
3. Borrar: quita el par de la lista.

El factor de carga α = n / m es la longitud media de cada lista.

Complejidad: O(1 + α) en promedio por operación, que es O(1) si α se mantiene acotado; O(n) en el peor caso, si todo cae en la misma cubeta. Espacio O(n + m).

Error común: insertar sin comprobar si la clave ya existe, acumulando duplicados.

Ejemplo con m = 5 y h(k) = k % 5: las claves 12, 7 y 22 van todas a la cubeta 2, que queda como [12, 7, 22]; buscar 22 revisa esa lista.""",
        r"""¿Y qué pasa cuando la tabla se llena demasiado?""",
        r"""Se redimensiona (rehashing): si el factor de carga supera un umbral, se crea una tabla mayor y se reinsertan todos los elementos.

1. Cuando α pasa el umbral (por ejemplo, 0,75), se crea una tabla de unas 2m cubetas.
2. Cada elemento se reinserta con `hash(clave) % nuevo_m`; las posiciones cambian porque cambia m.

Complejidad: un redimensionado cuesta O(n), pero al duplicar el tamaño ocurre cada vez con menos frecuencia, así que la inserción sigue siendo O(1) amortizado; espacio O(n).

Error común: copiar cada cubeta a la misma posición de la tabla nueva sin recalcular el índice; después las búsquedas miran en otra cubeta.

Ejemplo: con m = 4 y 3 elementos, α = 0,75; al insertar el cuarto se pasa a m = 8 y la clave 12 se mueve de la cubeta 0 (12 % 4) a la 4 (12 % 8).""",
    ]),
    ("avanzado", "definition", [
        r"""¿Cómo funciona el direccionamiento abierto con sondeo lineal y por qué se necesitan "lápidas" al borrar?""",
        r"""Con direccionamiento abierto, todos los elementos viven en el propio arreglo, sin listas.

1. Insertar: calcula i = h(k) % m. Si está ocupada, prueba i + 1, i + 2, ... (módulo m) hasta encontrar un hueco.
2. Buscar: sigue la misma secuencia hasta dar con la clave o con una casilla vacía, que prueba que no está.
3. Borrar: dejar la casilla vacía rompería la cadena de sondeo, y las búsquedas de claves colocadas más adelante se detendrían antes. Por eso se marca con una lápida: las búsquedas la saltan y las inserciones la reutilizan.

Complejidad: O(1) esperado por operación si el factor de carga α se mantiene lejos de 1; cerca de 1 los sondeos se disparan (una búsqueda fallida con sondeo lineal hace del orden de 1/(1 - α)²). O(n) en el peor caso y O(m) de espacio.

Error común: dejar que se acumulen lápidas sin reconstruir nunca la tabla; las búsquedas recorren tramos larguísimos.

Ejemplo con m = 7 y h(k) = k % 7:
10 va a la posición 3 y 17 (también 3) pasa a la 4. Si borras 10 dejando la 3 vacía, buscar 17 se detiene en la 3 y responde "no está". Con una lápida en la 3, la búsqueda sigue hasta la 4 y lo encuentra.""",
    ]),
    ("basico", "example", [
        r"""Dadas dos listas, ¿cómo obtengo con un set los elementos que aparecen en ambas? Por ejemplo, [3, 1, 4, 1, 5] y [9, 1, 5, 3].""",
        r"""Convierte una de las listas en un set y recorre la otra preguntando si cada elemento está en él.

1. Crea `en_b = set(b)`: así comprobar pertenencia cuesta O(1) en promedio.
2. Recorre `a` en orden.
3. Si x está en `en_b` y todavía no lo has añadido al resultado, añádelo. Un segundo set, `vistos`, evita repetidos.

Traza con a = [3, 1, 4, 1, 5] y b = [9, 1, 5, 3]:
1. 3: está en b, se añade. Resultado [3].
2. 1: está, se añade. [3, 1].
3. 4: no está en b.
4. 1: ya añadido, se salta.
5. 5: está, se añade. [3, 1, 5].

Complejidad: O(n + m) en tiempo en promedio, con n y m las longitudes, y O(m) en espacio para el set. Con dos bucles anidados sería O(n · m).

Error común: hacer `if x in b` sobre la lista; cada comprobación recorre b y el total vuelve a ser O(n · m).

Ejemplo:
```python
def interseccion(a, b):
    en_b, vistos, res = set(b), set(), []
    for x in a:
        if x in en_b and x not in vistos:
            res.append(x)
            vistos.add(x)
    return res

print(interseccion([3, 1, 4, 1, 5], [9, 1, 5, 3]))  # [3, 1, 5]
```
Si no te importa el orden, `set(a) & set(b)` da el mismo conjunto en una línea.""",
    ]),
    ("intermedio", "example", [
        r"""Resuelve el problema two sum con un diccionario: dado [2, 7, 11, 15] y el objetivo 9, devuelve los índices de los dos números que suman 9.""",
        r"""Para cada x falta `objetivo - x`, y un diccionario de valores vistos dice en O(1) si ya apareció.

1. Si `objetivo - x` está en el diccionario, devuelve su índice y el actual.
2. Si no, guarda x con su índice y sigue.

Traza:
1. i = 0, x = 2: falta 7, no está. Vistos {2: 0}.
2. i = 1, x = 7: falta 2, está en el índice 0. Respuesta [0, 1].

Complejidad: O(n) en tiempo en promedio y O(n) en espacio.

Error común: resolverlo con dos bucles anidados; funciona, pero cuesta O(n²).

Ejemplo:
```python
def two_sum(a, objetivo):
    vistos = {}
    for i, x in enumerate(a):
        if objetivo - x in vistos:
            return [vistos[objetivo - x], i]
        vistos[x] = i
    return None
```""",
        r"""¿Y si el arreglo ya viene ordenado? ¿Puedo ahorrarme el diccionario?""",
        r"""Sí: con dos punteros, uno en cada extremo.

1. `lo = 0` y `hi = n - 1`.
2. Si `a[lo] + a[hi]` es el objetivo, termina.
3. Si la suma es menor, necesitas un número mayor: `lo += 1`.
4. Si es mayor, necesitas uno menor: `hi -= 1`.

Al estar ordenado, cada movimiento descarta un valor que no puede formar pareja con ninguno de los restantes.

Complejidad: O(n) en tiempo y O(1) en espacio extra.

Error común: aplicarlo a un arreglo sin ordenar, u ordenarlo antes sin guardar los índices originales cuando el problema pide índices.

Ejemplo con [2, 7, 11, 15] y objetivo 9:
1. 2 + 15 = 17 > 9: hi pasa al 11.
2. 2 + 11 = 13 > 9: hi pasa al 7.
3. 2 + 7 = 9: respuesta [0, 1].""",
    ]),
    ("intermedio", "example", [
        r"""¿Cómo agrupo las palabras que son anagramas entre sí, por ejemplo ["roma", "amor", "mora", "sol", "los"]?""",
        r"""Dos palabras son anagramas si tienen las mismas letras con la misma frecuencia. Hace falta una clave que sea igual para todos los anagramas y distinta para el resto.

1. Clave: las letras de la palabra ordenadas, unidas en una cadena.
2. Usa un diccionario de clave a lista de palabras.
3. Al final, los valores del diccionario son los grupos.

Traza:
1. "roma" → "amor": grupo ["roma"].
2. "amor" → "amor": ["roma", "amor"].
3. "mora" → "amor": ["roma", "amor", "mora"].
4. "sol" → "los": ["sol"].
5. "los" → "los": ["sol", "los"].

Complejidad: O(n · L log L) en tiempo, con n palabras de longitud máxima L, por ordenar cada palabra; O(n · L) en espacio. Usar como clave una tupla con la cuenta de cada letra lo baja a O(n · L).

Error común: usar `sorted(palabra)` directamente como clave; devuelve una lista, que no es hashable, y Python lanza `TypeError`. Conviértela con `"".join(...)` o `tuple(...)`.

Ejemplo:
```python
from collections import defaultdict

def agrupar(palabras):
    grupos = defaultdict(list)
    for p in palabras:
        grupos["".join(sorted(p))].append(p)
    return list(grupos.values())

print(agrupar(["roma", "amor", "mora", "sol", "los"]))
# [['roma', 'amor', 'mora'], ['sol', 'los']]
```""",
    ]),
    ("avanzado", "example", [
        r"""¿Cuántos subarreglos contiguos de [1, 2, 3, -3, 1] suman 3? Resuélvelo con sumas prefijas y un diccionario.""",
        r"""Si P(j) es la suma de los primeros j elementos, los elementos de las posiciones i + 1 a j suman P(j) - P(i). Hay que contar, para cada j, cuántas sumas prefijas anteriores valen P(j) - 3.

1. Diccionario `cuenta` con las sumas prefijas vistas; empieza con {0: 1} (el prefijo vacío).
2. Para cada elemento, actualiza la suma acumulada s.
3. Suma al resultado `cuenta[s - 3]`.
4. Incrementa `cuenta[s]`.

Traza:
1. x = 1: s = 1, busca -2: 0.
2. x = 2: s = 3, busca 0: 1 ([1, 2]).
3. x = 3: s = 6, busca 3: 1 ([3]).
4. x = -3: s = 3, busca 0: 1 ([1, 2, 3, -3]).
5. x = 1: s = 4, busca 1: 1 ([2, 3, -3, 1]).
Total: 4.

Complejidad: O(n) en tiempo en promedio y O(n) en espacio.

Error común: usar una ventana deslizante con dos punteros, que solo funciona con números positivos (aquí hay un -3), u olvidar el `{0: 1}` inicial.

Ejemplo:
```python
def subarreglos_con_suma(a, k):
    cuenta, s, res = {0: 1}, 0, 0
    for x in a:
        s += x
        res += cuenta.get(s - k, 0)
        cuenta[s] = cuenta.get(s, 0) + 1
    return res

print(subarreglos_con_suma([1, 2, 3, -3, 1], 3))  # 4
```""",
    ]),
    ("basico", "error_correction", [
        r"""Mi función para contar frecuencias lanza "KeyError". ¿Qué hago mal?

```python
def frecuencias(lista):
    d = {}
    for x in lista:
        d[x] += 1
    return d
```""",
        r"""`d[x] += 1` lee `d[x]` antes de escribirlo, y la primera vez que aparece x esa clave no existe.

1. `d[x] += 1` equivale a `d[x] = d[x] + 1`.
2. En la primera aparición de x, leer `d[x]` lanza `KeyError`.
3. Hay que dar un valor inicial de 0 a las claves nuevas.

Tres formas de arreglarlo:
1. `d[x] = d.get(x, 0) + 1`: `get` devuelve 0 si la clave no existe.
2. `collections.defaultdict(int)`: crea automáticamente el 0.
3. `collections.Counter(lista)`: hace todo el recuento de una vez.

Complejidad: O(n) en tiempo en promedio y O(k) en espacio, con k el número de valores distintos.

Error común: "arreglarlo" comprobando `if x in d.keys()` en cada vuelta; funciona, pero es más largo y fácil de equivocar que `get`.

Ejemplo corregido:
```python
def frecuencias(lista):
    d = {}
    for x in lista:
        d[x] = d.get(x, 0) + 1
    return d

print(frecuencias(["a", "b", "a"]))  # {'a': 2, 'b': 1}
```""",
    ]),
    ("intermedio", "error_correction", [
        r"""Mi two sum devuelve [0, 0] para `two_sum([3, 5], 6)`, usando dos veces el mismo elemento. ¿Dónde está el error?

```python
def two_sum(a, objetivo):
    visto = {}
    for i, x in enumerate(a):
        visto[x] = i
        if objetivo - x in visto:
            return [visto[objetivo - x], i]
    return None
```""",
        r"""Guardas x en el diccionario antes de buscar su complemento, así que un número puede emparejarse consigo mismo.

Traza:
1. i = 0, x = 3: se guarda {3: 0}.
2. Se busca 6 - 3 = 3, que ya está (es el propio elemento). Devuelve [0, 0].

Lo correcto es buscar primero entre los elementos anteriores y guardar el actual después. Así, si hubiera dos 3 en posiciones distintas, el segundo sí encontraría al primero, que es una respuesta válida.

Complejidad: O(n) en tiempo en promedio y O(n) en espacio, igual que antes.

Error común: "arreglarlo" prohibiendo que el complemento sea igual a x; eso rompe casos válidos como [3, 3] con objetivo 6.

Ejemplo corregido:
```python
def two_sum(a, objetivo):
    visto = {}
    for i, x in enumerate(a):
        if objetivo - x in visto:
            return [visto[objetivo - x], i]
        visto[x] = i
    return None

print(two_sum([3, 5], 6))  # None
print(two_sum([3, 3], 6))  # [0, 1]
```""",
    ]),
    ("avanzado", "error_correction", [
        r"""Al meter objetos de mi clase en un set obtengo "TypeError: unhashable type: 'Punto'". ¿Por qué?

```python
class Punto:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __eq__(self, otro):
        return (self.x, self.y) == (otro.x, otro.y)

visitados = {Punto(0, 0)}
```""",
        r"""En Python, si una clase define `__eq__` y no define `__hash__`, su `__hash__` pasa a ser `None` y los objetos dejan de ser hashables.

1. Un `set` necesita el hash para elegir la cubeta y `__eq__` para confirmar la coincidencia.
2. Python impide que uses una igualdad personalizada con el hash por defecto (basado en la identidad del objeto): dos puntos iguales tendrían hashes distintos e irían a cubetas diferentes.
3. Solución: define `__hash__` a partir de los mismos campos que usa `__eq__`.

Además, esos campos no deben cambiar mientras el objeto esté en el set; si cambian, el objeto queda en una cubeta que ya no le corresponde y no se vuelve a encontrar.

Complejidad: con `__hash__` correcto, añadir y buscar en el set son O(1) en promedio; espacio O(n).

Error común: devolver `id(self)` o un valor aleatorio en `__hash__`; dos puntos iguales no se reconocerían como el mismo.

Ejemplo corregido con un dataclass inmutable:
```python
from dataclasses import dataclass

@dataclass(frozen=True)
class Punto:
    x: int
    y: int

visitados = {Punto(0, 0)}
print(Punto(0, 0) in visitados)  # True
```
Con `frozen=True`, el dataclass genera `__eq__` y `__hash__` coherentes y no deja modificar los campos.""",
    ]),
    ("avanzado", "error_correction", [
        r"""Razono así: como buscar en un dict es O(1), mi servidor, que guarda en un dict las claves que le envían los usuarios, nunca puede volverse lento. ¿Es correcto?""",
        r"""No del todo. El O(1) es un coste promedio que supone que las claves se reparten bien entre las cubetas.

1. Si muchas claves distintas tienen el mismo hash (o caen en la misma secuencia de cubetas), cada operación tiene que compararlas una a una: O(n).
2. Insertar n claves así cuesta O(n²) en total.
3. Un atacante que conozca la función hash puede fabricar a propósito claves que colisionen. Es el ataque de denegación de servicio por inundación de hash, que afectó a varios lenguajes hacia 2011.
4. Python se protege aleatorizando el hash de `str` y `bytes` en cada ejecución (SipHash), así que no se pueden predecir esas colisiones.

Complejidad: O(1) en promedio y O(n) en el peor caso por operación; O(n) de espacio.

Error común: confundir "promedio" con "garantizado". Si necesitas garantías frente a entradas hostiles, combina hash aleatorizado con límites de tamaño de la entrada, o usa estructuras con peor caso acotado, como un árbol equilibrado (O(log n)). Java, por ejemplo, convierte las cubetas muy largas de su `HashMap` en árboles.

Ejemplo de cálculo: 50 000 claves que colisionan entre sí suponen unos 50 000² / 2 ≈ 1,25 · 10^9 comparaciones, frente a unas 50 000 operaciones si se reparten bien.""",
    ]),
    ("basico", "comparison", [
        r"""¿Qué diferencia hay entre un set y un dict en Python?""",
        r"""Los dos son tablas hash; la diferencia es qué guardan.

Set:
1. Guarda solo claves, sin valores asociados.
2. Sirve para responder "¿está x?" y para eliminar duplicados.
3. Tiene operaciones de conjuntos: unión `|`, intersección `&`, diferencia `-`.

Dict:
1. Guarda pares clave → valor.
2. Sirve para asociar información a cada clave: contadores, índices, configuraciones.
3. Conserva el orden de inserción de las claves.

En ambos, las claves deben ser hashables (números, cadenas, tuplas de hashables); los valores de un dict pueden ser cualquier cosa.

Complejidad: en ambos, añadir, buscar y borrar una clave son O(1) en promedio; la intersección de dos sets cuesta O(min(len(a), len(b))) en promedio. Ambos ocupan O(n) en espacio.

Error común: escribir `{}` esperando un set vacío; crea un dict vacío. El set vacío se escribe `set()`.

Ejemplo:
```python
vistos = set()
vistos.add("ana"); vistos.add("ana")
print(len(vistos))           # 1: sin duplicados

edad = {"ana": 31}
edad["luis"] = 25
print(edad.get("ana"))       # 31: valor asociado
print({1, 2, 3} & {2, 3, 4})  # {2, 3}
```""",
    ]),
    ("intermedio", "comparison", [
        r"""¿Qué diferencias hay entre resolver colisiones con encadenamiento y con direccionamiento abierto?""",
        r"""Las dos estrategias dan O(1) en promedio, pero con distintos compromisos.

Encadenamiento (una lista por cubeta):
1. El factor de carga α puede superar 1; el rendimiento se degrada poco a poco.
2. Borrar es sencillo: se quita el elemento de su lista.
3. Cada nodo ocupa memoria extra en punteros, y recorrer las listas salta por la memoria.

Direccionamiento abierto (todo en el arreglo, sondeando otras posiciones):
1. Exige α < 1 y en la práctica bastante por debajo (por ejemplo, ≤ 0,7); cerca de 1 el rendimiento se hunde.
2. Mejor localidad de caché y sin punteros.
3. Borrar requiere lápidas, y el sondeo lineal sufre agrupamiento (se forman tramos ocupados largos).

Complejidad: en ambos, O(1) en promedio con α controlado y O(n) en el peor caso. Encadenamiento usa O(n + m) de espacio; direccionamiento abierto, O(m) con m > n.

Error común: dejar que una tabla con direccionamiento abierto se llene hasta α ≈ 1; las búsquedas fallidas llegan a recorrer casi todo el arreglo.

Ejemplo real: el `dict` de Python usa direccionamiento abierto con una secuencia de sondeo pseudoaleatoria y crece cuando se llena dos tercios; el `HashMap` de Java usa encadenamiento.""",
    ]),
    ("avanzado", "comparison", [
        r"""¿Cuándo conviene un árbol equilibrado en lugar de una tabla hash para implementar un diccionario?""",
        r"""La tabla hash es más rápida en promedio, pero el árbol equilibrado ofrece orden y garantías.

Tabla hash:
1. Buscar, insertar y borrar: O(1) en promedio, O(n) en el peor caso.
2. No mantiene ningún orden entre claves.
3. Las claves deben ser hashables.

Árbol equilibrado (AVL, rojo-negro):
1. Buscar, insertar y borrar: O(log n) en el peor caso.
2. Recorrido ordenado, mínimo, máximo, sucesor, predecesor.
3. Consultas por rango en O(log n + k), con k el número de resultados.
4. Las claves solo necesitan poder compararse.

Conviene el árbol cuando:
1. Necesitas orden o rangos ("todos los pedidos entre dos fechas").
2. Necesitas una garantía de peor caso (sistemas de tiempo real o entradas hostiles).

Complejidad: el espacio es O(n) en ambos; el tiempo, O(1) promedio frente a O(log n) garantizado.

Error común: usar una tabla hash y ordenar todas las claves en cada consulta de rango; cada consulta pasa a costar O(n log n).

Ejemplo: "usuarios con edad entre 20 y 30" con un árbol cuesta O(log n + k); con una tabla hash hay que revisar las n claves.""",
    ]),
    ("basico", "complexity", [
        r"""¿Por qué se dice que buscar en un diccionario de Python es O(1)?""",
        r"""Porque el trabajo de una búsqueda no depende de cuántos elementos hay en el diccionario, siempre que las claves se repartan bien.

1. Se calcula el hash de la clave: para números y cadenas cortas, un coste fijo.
2. Con el hash se calcula directamente una posición del arreglo interno, sin recorrer nada.
3. Se compara la clave guardada allí; si hay colisión, se prueban unas pocas posiciones más.
4. Python mantiene el arreglo con suficiente hueco (lo amplía antes de que se llene) para que las colisiones sean pocas en promedio.

Complejidad: O(1) en promedio y O(n) en el peor caso, si muchas claves colisionan. Ocupa O(n) en espacio.

Error común: olvidar el coste de calcular el hash con claves grandes. Una tupla de 1000 elementos se recorre entera cada vez que se usa como clave, así que cada búsqueda cuesta O(1000). Las cadenas guardan su hash tras calcularlo una vez.

Ejemplo:
```python
d = {i: i * i for i in range(1_000_000)}
print(d[777])          # 603729: igual de rápido con 10 o 10^6 claves
print(-5 in d)         # False, sin recorrer el diccionario
```""",
    ]),
    ("intermedio", "complexity", [
        r"""¿Cuál es el coste real de meter n cadenas de longitud L en un set?""",
        r"""Hay que contar también el trabajo que depende de la longitud de cada clave, no solo el número de operaciones.

1. Calcular el hash de una cadena recorre todos sus caracteres: O(L). Python lo guarda en la propia cadena, así que no lo repite para el mismo objeto.
2. Si la cubeta está ocupada por otra clave con el mismo hash, hay que comparar las cadenas, y comparar cuesta hasta O(L).
3. En promedio hay un número constante de comparaciones por inserción.
4. Total: n inserciones por O(L) cada una.

Complejidad: O(n · L) en tiempo esperado y O(n · L) en espacio (las cadenas ocupan su longitud); en el peor caso, con muchas colisiones, O(n² · L).

Error común: decir "O(n), porque cada inserción es O(1)"; ese O(1) cuenta operaciones de la tabla, no el coste de leer claves largas.

Ejemplo: meter 100 000 cadenas de 1000 caracteres implica leer unos 10^8 caracteres solo para calcular los hashes, mucho más que las 100 000 "operaciones" que sugeriría O(n).
```python
palabras = ["x" * 1000 + str(i) for i in range(100_000)]
vistos = set(palabras)  # O(n · L)
```""",
    ]),
    ("avanzado", "complexity", [
        r"""¿Qué complejidad tiene el algoritmo de Rabin-Karp para buscar un patrón en un texto?""",
        r"""Rabin-Karp compara hashes de ventanas en lugar de caracteres en cada posición.

1. Calcula el hash del patrón (longitud m) y de la primera ventana: O(m).
2. Desliza la ventana y actualiza el hash en O(1) (hash rodante): resta el carácter que sale, multiplica por la base y suma el que entra, módulo un primo.
3. Si los hashes coinciden, verifica carácter a carácter (O(m)), porque puede ser una colisión.

Complejidad: O(n + m) en tiempo esperado, con n la longitud del texto y pocas coincidencias; O(n · m) en el peor caso, por muchas colisiones o coincidencias reales (buscar "aa" en "aaaa...a"). O(1) de espacio extra.

Error común: no verificar cuando los hashes coinciden, lo que da falsos positivos.

Ejemplo:
```python
def rabin_karp(t, p, B=256, M=1_000_000_007):
    n, m = len(t), len(p)
    if m > n:
        return []
    alto = pow(B, m - 1, M)
    hp = ht = 0
    for i in range(m):
        hp = (hp * B + ord(p[i])) % M
        ht = (ht * B + ord(t[i])) % M
    res = []
    for i in range(n - m + 1):
        if hp == ht and t[i:i + m] == p:
            res.append(i)
        if i + m < n:
            ht = ((ht - ord(t[i]) * alto) * B + ord(t[i + m])) % M
    return res
```""",
    ]),
]
