"""Filas del tema "programacion_dinamica". Cada fila: (nivel, categoría, [turnos])."""

TOPIC = "programacion_dinamica"

ROWS = [
    ("basico", "definition", [
        r"""¿Qué es la programación dinámica?""",
        r"""La programación dinámica (PD) resuelve un problema combinando soluciones de subproblemas más pequeños, calculando cada subproblema una sola vez y guardando su resultado.

Se puede aplicar cuando el problema tiene dos propiedades:
1. Subproblemas superpuestos: los mismos subproblemas aparecen muchas veces.
2. Subestructura óptima: la solución óptima se construye a partir de soluciones óptimas de los subproblemas.

Receta:
1. Define el estado: qué representa `dp[...]`.
2. Escribe la recurrencia que relaciona un estado con otros más pequeños.
3. Fija los casos base.
4. Calcula en un orden en que los estados necesarios ya estén listos, o usa memoización.

Complejidad: normalmente (número de estados) × (coste de cada transición), tanto en tiempo como, sin optimizar, en espacio para la tabla.

Error común: aplicar PD cuando los subproblemas no se repiten, como en merge sort; guardar resultados no ahorra nada.

Ejemplo: caminos en una cuadrícula de 3 × 3 casillas moviéndote solo a la derecha o hacia abajo. `caminos(i, j) = caminos(i - 1, j) + caminos(i, j - 1)`, con 1 en la primera fila y la primera columna. La tabla queda:
```
1 1 1
1 2 3
1 3 6
```
Hay 6 caminos. Tiempo O(filas · columnas).""",
    ]),
    ("basico", "definition", [
        r"""¿Qué es la memoización?""",
        r"""La memoización consiste en guardar el resultado de una función para cada combinación de argumentos, de modo que si se vuelve a llamar con los mismos argumentos se devuelve el valor guardado en lugar de recalcularlo.

Pasos:
1. Antes de calcular, mira si el resultado ya está en la caché (un diccionario).
2. Si está, devuélvelo.
3. Si no, calcúlalo, guárdalo y devuélvelo.

En Python, el decorador `functools.lru_cache(maxsize=None)` (o `functools.cache`) lo hace automáticamente.

Requisitos: la función debe ser pura (el resultado depende solo de los argumentos) y los argumentos deben ser hashables.

Complejidad: con memoización, Fibonacci pasa de tiempo exponencial a O(n) en tiempo, con O(n) en espacio para la caché y la pila de recursión.

Error común: memoizar una función que recibe listas; no son hashables y `lru_cache` lanza `TypeError`. Conviértelas a tuplas.

Ejemplo:
```python
from functools import lru_cache

@lru_cache(maxsize=None)
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

print(fib(80))  # 23416728348467685, al instante
```""",
    ]),
    ("intermedio", "definition", [
        r"""Cuando planteo un problema de programación dinámica, ¿qué son exactamente el estado y la transición?""",
        r"""Son las dos piezas que definen cualquier solución de PD.

1. Estado: la información mínima que identifica un subproblema. Debe bastar para resolverlo sin saber cómo llegaste hasta él.
2. Transición: la regla que calcula un estado a partir de otros más pequeños, probando todas las decisiones posibles en ese punto.
3. Casos base: los estados que se resuelven directamente.

Ejemplo con el mínimo de monedas para pagar una cantidad V:
- Estado: `dp[v]` = mínimo de monedas para pagar exactamente v.
- Transición: `dp[v] = 1 + min(dp[v - c])` para cada moneda c ≤ v (la decisión es cuál es la última moneda).
- Caso base: `dp[0] = 0`.
- Respuesta: `dp[V]`.

Complejidad: (número de estados) × (coste de cada transición). Aquí hay V + 1 estados y k monedas, así que es O(V · k) en tiempo y O(V) en espacio.

Error común: definir un estado que no contiene toda la información necesaria. En la mochila 0/1, por ejemplo, `dp[capacidad]` sin tener en cuenta qué objetos quedan no basta; necesitas el índice del objeto (o recorrer la capacidad hacia atrás).

Prueba siempre tu estado preguntándote: "¿puedo decidir lo que falta conociendo solo esto?".""",
    ]),
    ("avanzado", "definition", [
        r"""¿Qué es la programación dinámica con máscaras de bits? Explícamela con el problema del viajante.""",
        r"""Es PD en la que parte del estado es un subconjunto, guardado como un entero cuyos bits indican qué elementos contiene.

Problema del viajante (n ciudades, distancias `d[i][j]`, salir de la 0 y volver a ella):
1. Estado: `dp[mask][i]` = coste mínimo de salir de 0, visitar justo las ciudades de `mask` y acabar en i.
2. Base: `dp[1][0] = 0`.
3. Transición: para cada j fuera de `mask`, se mejora `dp[mask | (1 << j)][j]` con `dp[mask][i] + d[i][j]`.
4. Respuesta: el mínimo de `dp[todas][i] + d[i][0]`.

Complejidad: 2^n · n estados con n transiciones cada uno: O(2^n · n²) en tiempo y O(2^n · n) en espacio. Viable hasta n ≈ 20; la fuerza bruta, O(n!), no pasa de n ≈ 11.

Error común: no incluir la ciudad 0 en la máscara inicial (usar `dp[0][0]`), lo que permite volver a visitarla a mitad de camino.

Ejemplo:
```python
def viajante(d):
    n, INF = len(d), float("inf")
    dp = [[INF] * n for _ in range(1 << n)]
    dp[1][0] = 0
    for mask in range(1 << n):
        for i in range(n):
            for j in range(n):
                if not mask & (1 << j):
                    nm = mask | (1 << j)
                    dp[nm][j] = min(dp[nm][j], dp[mask][i] + d[i][j])
    return min(dp[-1][i] + d[i][0] for i in range(n))
```""",
    ]),
    ("basico", "example", [
        r"""Muéstrame cómo calcular el n-ésimo número de Fibonacci con tabulación.""",
        r"""La tabulación llena una tabla desde los casos pequeños hacia arriba, sin recursión.

1. Crea una tabla `dp` de tamaño n + 1.
2. Casos base: `dp[0] = 0` y `dp[1] = 1`.
3. Para i de 2 a n: `dp[i] = dp[i - 1] + dp[i - 2]`.
4. La respuesta es `dp[n]`.

Traza para n = 6:
- dp[2] = 1 + 0 = 1
- dp[3] = 1 + 1 = 2
- dp[4] = 2 + 1 = 3
- dp[5] = 3 + 2 = 5
- dp[6] = 5 + 3 = 8

Como cada valor solo usa los dos anteriores, puedes quedarte con dos variables en lugar de toda la tabla.

Complejidad: O(n) en tiempo; O(n) en espacio con la tabla y O(1) con dos variables.

Error común: escribir `range(2, n)` en lugar de `range(2, n + 1)`; te quedas a un paso de la respuesta.

Ejemplo:
```python
def fib(n):
    if n < 2:
        return n
    dp = [0] * (n + 1)
    dp[1] = 1
    for i in range(2, n + 1):
        dp[i] = dp[i - 1] + dp[i - 2]
    return dp[n]

print(fib(6))  # 8
```""",
    ]),
    ("intermedio", "example", [
        r"""Con monedas de 1, 3 y 4, ¿cuál es el mínimo de monedas para pagar 6? Resuélvelo con programación dinámica.""",
        r"""Estado: `dp[v]` = mínimo de monedas para pagar v. Transición: `dp[v] = 1 + min(dp[v - c])` para cada moneda c ≤ v. Base: `dp[0] = 0`.

Ejemplo, la tabla paso a paso:
- dp[1] = 1, dp[2] = 2, dp[3] = 1, dp[4] = 1
- dp[5] = 1 + min(dp[4], dp[2], dp[1]) = 2 (4 + 1)
- dp[6] = 1 + min(dp[5], dp[3], dp[2]) = 2 (3 + 3)

Respuesta: 2 monedas. El algoritmo voraz (tomar siempre la moneda más grande) daría 4 + 1 + 1, es decir, 3 monedas.

Complejidad: O(V · k) en tiempo, con V la cantidad y k el número de monedas, y O(V) en espacio.

Error común: inicializar la tabla con 0 en lugar de infinito; el mínimo se queda siempre en 0.""",
        r"""¿Cómo recupero qué monedas usé, y no solo cuántas?""",
        r"""Guarda qué moneda dio el mínimo en cada cantidad y reconstruye hacia atrás.

1. Junto a `dp`, mantén `eleccion[v]`: la moneda con la que se obtuvo `dp[v]`.
2. Empieza en V: la última moneda es `eleccion[V]` y lo que falta es `V - eleccion[V]`.
3. Repite hasta llegar a 0.

Complejidad: O(V · k) en tiempo, más O(V) de espacio para `eleccion`; reconstruir cuesta O(número de monedas usadas).

Error común: reconstruir eligiendo la moneda más grande que cabe; hay que seguir las elecciones guardadas.

Ejemplo: para 6, `eleccion[6] = 3` y `eleccion[3] = 3`, así que las monedas son [3, 3].
```python
v, usadas = V, []
while v > 0:
    usadas.append(eleccion[v])
    v -= eleccion[v]
```""",
    ]),
    ("intermedio", "example", [
        r"""Calcula con una tabla la longitud de la subsecuencia común más larga (LCS) entre "ABCD" y "ACBD".""",
        r"""`dp[i][j]` es la LCS de los primeros i caracteres de la primera cadena y los primeros j de la segunda.

Regla:
1. Si los caracteres coinciden, `dp[i][j] = dp[i - 1][j - 1] + 1`.
2. Si no, `dp[i][j] = max(dp[i - 1][j], dp[i][j - 1])`.
3. La fila 0 y la columna 0 valen 0.

Tabla (filas: A, B, C, D; columnas: A, C, B, D):
```
     -  A  C  B  D
-    0  0  0  0  0
A    0  1  1  1  1
B    0  1  1  2  2
C    0  1  2  2  2
D    0  1  2  2  3
```
Respuesta: `dp[4][4] = 3`, por ejemplo "ABD" o "ACD".

Complejidad: O(n · m) en tiempo y O(n · m) en espacio; si solo quieres la longitud, basta con dos filas, O(min(n, m)) en espacio.

Error común: confundirla con la subcadena común más larga; la subsecuencia no exige que los caracteres sean contiguos.

Ejemplo en código:
```python
def lcs(x, y):
    dp = [[0] * (len(y) + 1) for _ in range(len(x) + 1)]
    for i in range(1, len(x) + 1):
        for j in range(1, len(y) + 1):
            if x[i - 1] == y[j - 1]:
                dp[i][j] = dp[i - 1][j - 1] + 1
            else:
                dp[i][j] = max(dp[i - 1][j], dp[i][j - 1])
    return dp[-1][-1]
```""",
    ]),
    ("avanzado", "example", [
        r"""¿Cómo resuelvo la mochila 0/1 con un solo arreglo unidimensional? Pon un ejemplo con objetos (peso, valor) = (1, 1), (3, 4), (4, 5) y capacidad 7.""",
        r"""`dp[c]` es el mejor valor con capacidad c usando los objetos vistos. Para cada objeto, c se recorre de mayor a menor, así `dp[c - peso]` aún no incluye ese objeto y se usa como mucho una vez.

Traza (índices 0 a 7):
1. Inicio: [0, 0, 0, 0, 0, 0, 0, 0]
2. Objeto (1, 1): [0, 1, 1, 1, 1, 1, 1, 1]
3. Objeto (3, 4): para c ≥ 3, `dp[c] = max(dp[c], dp[c - 3] + 4)`: [0, 1, 1, 4, 5, 5, 5, 5]
4. Objeto (4, 5): c = 7 da max(5, dp[3] + 5) = 9; c = 6 y c = 5 dan 6; c = 4 da 5: [0, 1, 1, 4, 5, 6, 6, 9]

Respuesta: `dp[7] = 9`, con los objetos de peso 3 y 4.

Complejidad: O(n · W) en tiempo y O(W) en espacio, donde W es la capacidad.

Error común: recorrer c de menor a mayor; así un objeto puede usarse varias veces.

Ejemplo en código:
```python
def mochila(objetos, W):
    dp = [0] * (W + 1)
    for peso, valor in objetos:
        for c in range(W, peso - 1, -1):
            dp[c] = max(dp[c], dp[c - peso] + valor)
    return dp[W]

print(mochila([(1, 1), (3, 4), (4, 5)], 7))  # 9
```""",
    ]),
    ("basico", "error_correction", [
        r"""Puse memoización en mi Fibonacci, pero con n = 40 sigue tardando muchísimo. ¿Por qué?

```python
def fib(n):
    memo = {}
    if n in memo:
        return memo[n]
    if n < 2:
        return n
    memo[n] = fib(n - 1) + fib(n - 2)
    return memo[n]
```""",
        r"""El diccionario `memo` se crea vacío en cada llamada, así que nunca contiene nada útil.

1. Cada llamada a `fib` ejecuta `memo = {}` y crea un diccionario nuevo y local.
2. La comprobación `n in memo` siempre es falsa.
3. El resultado se guarda en un diccionario que desaparece al terminar la llamada.
4. En la práctica es la recursión ingenua de siempre.

Solución: la caché debe compartirse entre todas las llamadas. Puedes pasarla como parámetro o usar `functools.lru_cache`.

Complejidad: la versión con el fallo es exponencial, del orden de 1,618^n llamadas; la corregida es O(n) en tiempo y O(n) en espacio.

Error común: "arreglarlo" con un argumento por defecto `memo={}`; funciona porque el diccionario se comparte entre llamadas, pero también entre usos distintos de la función, lo que suele causar errores difíciles de ver.

Ejemplo corregido:
```python
def fib(n, memo=None):
    if memo is None:
        memo = {}
    if n in memo:
        return memo[n]
    if n < 2:
        return n
    memo[n] = fib(n - 1, memo) + fib(n - 2, memo)
    return memo[n]

print(fib(40))  # 102334155
```""",
    ]),
    ("intermedio", "error_correction", [
        r"""Mi función del mínimo de monedas siempre devuelve 0. ¿Dónde está el fallo?

```python
def min_monedas(monedas, total):
    dp = [0] * (total + 1)
    for v in range(1, total + 1):
        for c in monedas:
            if c <= v:
                dp[v] = min(dp[v], dp[v - c] + 1)
    return dp[total]
```""",
        r"""El fallo está en la inicialización de la tabla.

1. Todas las posiciones empiezan en 0.
2. Para cualquier v, `min(dp[v], ...)` compara contra ese 0, y como `dp[v - c] + 1` es al menos 1, el mínimo siempre es 0.
3. En un problema de minimizar, los estados aún no calculados deben empezar en infinito; solo `dp[0] = 0` es un caso base real.
4. Si al final `dp[total]` sigue en infinito, esa cantidad no se puede pagar; conviene devolver -1.

Complejidad: O(total · k) en tiempo, con k el número de monedas, y O(total) en espacio.

Error común: usar un "infinito" pequeño, como 999; si la respuesta real es mayor, el resultado sale mal sin avisar. `float("inf")` evita ese problema.

Ejemplo corregido:
```python
def min_monedas(monedas, total):
    INF = float("inf")
    dp = [0] + [INF] * total
    for v in range(1, total + 1):
        for c in monedas:
            if c <= v:
                dp[v] = min(dp[v], dp[v - c] + 1)
    return dp[total] if dp[total] != INF else -1

print(min_monedas([2, 5], 11))  # 4 (5 + 2 + 2 + 2)
print(min_monedas([2], 3))      # -1
```""",
    ]),
    ("avanzado", "error_correction", [
        r"""Mi mochila 0/1 con un arreglo de una dimensión devuelve 6 con objetos = [(2, 3)] y W = 4, pero solo hay un objeto de valor 3. ¿Qué pasa?

```python
def mochila(objetos, W):
    dp = [0] * (W + 1)
    for peso, valor in objetos:
        for c in range(peso, W + 1):
            dp[c] = max(dp[c], dp[c - peso] + valor)
    return dp[W]
```""",
        r"""El problema es la dirección del bucle interno: recorres las capacidades de menor a mayor.

Traza con el objeto (2, 3):
1. c = 2: dp[2] = max(0, dp[0] + 3) = 3.
2. c = 3: dp[3] = max(0, dp[1] + 3) = 3.
3. c = 4: dp[4] = max(0, dp[2] + 3) = 6. Pero dp[2] ya incluye este mismo objeto: lo estás usando dos veces.

Al ir de menor a mayor, `dp[c - peso]` ya se actualizó en esta misma pasada. Eso resuelve la mochila sin límite de copias, no la 0/1. Recorriendo de mayor a menor, `dp[c - peso]` todavía contiene el valor sin el objeto actual.

Complejidad: O(n · W) en tiempo y O(W) en espacio, tanto antes como después de la corrección.

Error común: cambiar a tabla 2D "por si acaso" sin entender el fallo; funciona, pero gasta O(n · W) de memoria.

Ejemplo corregido:
```python
def mochila(objetos, W):
    dp = [0] * (W + 1)
    for peso, valor in objetos:
        for c in range(W, peso - 1, -1):
            dp[c] = max(dp[c], dp[c - peso] + valor)
    return dp[W]

print(mochila([(2, 3)], 4))  # 3
```""",
    ]),
    ("avanzado", "error_correction", [
        r"""Mi LIS en O(n log n) devuelve 3 para [2, 2, 2], pero la subsecuencia estrictamente creciente más larga tiene longitud 1. ¿Qué falla?

```python
from bisect import bisect_right

def lis(a):
    colas = []
    for x in a:
        i = bisect_right(colas, x)
        if i == len(colas):
            colas.append(x)
        else:
            colas[i] = x
    return len(colas)
```""",
        r"""Usas `bisect_right` y necesitas `bisect_left`.

`colas[k]` guarda el menor final posible de una subsecuencia creciente de longitud k + 1. Para cada x hay que encontrar la primera cola que sea mayor o igual que x y reemplazarla; si no hay ninguna, x alarga la mejor subsecuencia.

Traza con `bisect_right`:
1. x = 2: colas = [2].
2. x = 2: `bisect_right([2], 2)` = 1, que es el final: colas = [2, 2]. Has "alargado" con un valor igual.
3. x = 2: colas = [2, 2, 2]. Resultado 3.

Con `bisect_left`, cada 2 reemplaza a `colas[0]` y el resultado es 1. `bisect_right` calcula la subsecuencia no decreciente más larga, que sí permite repetidos.

Complejidad: O(n log n) en tiempo, por una búsqueda binaria por elemento, y O(n) en espacio.

Error común: creer que `colas` es una subsecuencia válida; solo su longitud es correcta, sus valores pueden no aparecer en ese orden en la entrada.

Ejemplo corregido:
```python
from bisect import bisect_left

def lis(a):
    colas = []
    for x in a:
        i = bisect_left(colas, x)
        if i == len(colas):
            colas.append(x)
        else:
            colas[i] = x
    return len(colas)

print(lis([2, 2, 2]), lis([3, 1, 4, 1, 5, 9, 2, 6]))  # 1 4
```""",
    ]),
    ("basico", "comparison", [
        r"""¿Qué diferencia hay entre calcular Fibonacci con recursión simple y con memoización?""",
        r"""La recursión simple recalcula los mismos valores una y otra vez; la memoización calcula cada uno una sola vez.

1. Recursión simple: `fib(5)` llama a `fib(4)` y `fib(3)`; `fib(4)` vuelve a llamar a `fib(3)`, y así sucesivamente. El número de llamadas crece casi como el propio resultado.
2. Memoización: la primera vez que se calcula `fib(k)` se guarda; las siguientes se devuelve de la caché. Solo hay n valores distintos que calcular.

Complejidad: la recursión simple es exponencial, Θ(φ^n) con φ ≈ 1,618 (se suele acotar por O(2^n)), con O(n) de pila; con memoización es O(n) en tiempo y O(n) en espacio.

Error común: creer que la memoización reduce la profundidad de la recursión; sigue siendo de n llamadas anidadas.

Ejemplo: `fib(30)` con recursión simple hace 2 692 537 llamadas; con memoización, 59.""",
        r"""¿Y cómo evito el RecursionError cuando n es muy grande?""",
        r"""Cambia la recursión por un bucle ascendente (tabulación). Así no hay pila de llamadas.

1. Empieza por los casos base, 0 y 1.
2. Avanza de 2 a n guardando solo los dos últimos valores.
3. No hay llamadas anidadas, así que no existe límite de profundidad.

Complejidad: O(n) en tiempo y O(1) en espacio, mejor incluso que la memoización, que necesitaba O(n).

Error común: subir el límite con `sys.setrecursionlimit` a valores enormes; la pila real de C puede desbordarse y el intérprete terminar de golpe.

Ejemplo:
```python
def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a

print(len(str(fib(10000))))  # 2090 dígitos, sin recursión
```""",
    ]),
    ("intermedio", "comparison", [
        r"""¿Cuándo basta con un algoritmo voraz y cuándo necesito programación dinámica?""",
        r"""Un algoritmo voraz toma en cada paso la mejor opción local y nunca la revisa. La PD considera todas las opciones de cada subproblema y se queda con la mejor.

1. El voraz es correcto si el problema tiene la propiedad de elección voraz: siempre existe una solución óptima que empieza por la elección local. Hay que demostrarlo (normalmente con un argumento de intercambio).
2. Si no puedes demostrarlo, busca un contraejemplo pequeño. Si lo encuentras, necesitas PD u otra técnica.

Ejemplos:
- Selección de actividades (máximo de actividades sin solaparse): elegir siempre la que termina antes es óptimo.
- Mochila fraccionaria: tomar por mayor valor/peso es óptimo. En la mochila 0/1, no.
- Monedas {1, 3, 4} para pagar 6: el voraz da 4 + 1 + 1 (3 monedas), la PD da 3 + 3 (2 monedas).

Complejidad: el voraz suele costar O(n log n) por la ordenación, con O(1) u O(n) de espacio; la PD cuesta (estados × transiciones), por ejemplo O(n · W) en la mochila 0/1.

Error común: dar por bueno un voraz porque funciona en los ejemplos que probaste; con las monedas {1, 5, 10} funciona, pero cambiar el conjunto de monedas puede romperlo.""",
    ]),
    ("avanzado", "comparison", [
        r"""¿Qué ventajas tiene la programación dinámica descendente (memoización) frente a la ascendente (tabulación), y al revés?""",
        r"""Las dos calculan los mismos estados con la misma recurrencia; cambia el orden y el mecanismo.

Descendente (memoización):
1. Se escribe casi igual que la recurrencia, así que es más fácil acertar.
2. Solo calcula los estados alcanzables desde el problema original, lo que ahorra mucho cuando el espacio de estados es disperso.
3. Cuesta llamadas recursivas, búsquedas en la caché y profundidad de pila; en Python el límite de recursión aparece pronto.

Ascendente (tabulación):
1. Sin recursión: más rápida en constantes y sin problemas de pila.
2. Permite optimizar memoria guardando solo las filas necesarias.
3. Hay que elegir un orden en el que cada estado se calcule después de los que necesita, y calcula todos los estados, se usen o no.

Complejidad: en el peor caso ambas cuestan (número de estados) × (coste de transición) en tiempo; la tabulación suele poder reducir el espacio, por ejemplo de O(n · W) a O(W) en la mochila.

Error común: en la tabulación, recorrer en un orden en el que se lee un estado antes de haberlo calculado; no da error, solo respuestas incorrectas.

Ejemplo: en una mochila con 20 objetos y capacidad 10^9, la tabla ascendente es imposible, pero la memoización con un diccionario sobre (objeto, capacidad restante) solo visita los estados alcanzables, como mucho unos 2^20.""",
    ]),
    ("basico", "complexity", [
        r"""¿Qué complejidad tiene contar de cuántas formas se sube una escalera de n escalones dando pasos de 1 o 2?""",
        r"""Depende de cómo lo programes; la recurrencia es `formas(n) = formas(n - 1) + formas(n - 2)`, con `formas(0) = 1` y `formas(1) = 1`.

1. Recursión directa: cada llamada genera dos más y los mismos valores se recalculan muchas veces. El número de llamadas crece de forma exponencial.
2. Memoización: cada valor de 0 a n se calcula una vez; el resto son consultas a la caché.
3. Tabulación con dos variables: un bucle de n pasos que solo recuerda los dos últimos valores.

Complejidad: recursión directa, exponencial, O(2^n) en tiempo y O(n) de pila; memoización, O(n) en tiempo y O(n) en espacio; tabulación con dos variables, O(n) en tiempo y O(1) en espacio.

Error común: olvidar el caso `formas(0) = 1` (hay una forma de no subir nada) y poner 0; entonces todos los resultados salen mal.

Ejemplo con n = 4: los valores son 1, 1, 2, 3, 5, así que hay 5 formas (1+1+1+1, 1+1+2, 1+2+1, 2+1+1 y 2+2).
```python
def formas(n):
    a, b = 1, 1
    for _ in range(n):
        a, b = b, a + b
    return a

print(formas(4))  # 5
```""",
    ]),
    ("intermedio", "complexity", [
        r"""¿Qué complejidad tiene la LCS de dos cadenas y se puede reducir la memoria que usa?""",
        r"""La LCS clásica llena una tabla de (n + 1) × (m + 1) celdas, cada una en O(1).

1. Tiempo: n · m celdas por O(1) cada una, O(n · m).
2. Espacio con la tabla completa: O(n · m).
3. Observación clave: la fila i solo depende de la fila i - 1. Si solo quieres la longitud, basta con dos filas, y poniendo como columnas la cadena más corta el espacio queda en O(min(n, m)).
4. Con dos filas ya no puedes reconstruir la subsecuencia; si la necesitas, el algoritmo de Hirschberg lo logra en O(n · m) de tiempo y espacio lineal.

Complejidad: O(n · m) en tiempo; O(n · m) en espacio con la tabla completa y O(min(n, m)) solo para la longitud.

Error común: sobrescribir la fila anterior mientras aún se necesita, por ejemplo usando una sola fila sin guardar el valor diagonal.

Ejemplo: con dos cadenas de 10 000 caracteres, la tabla completa tiene unos 10^8 valores; con dos filas, unos 20 000.
```python
def lcs_longitud(x, y):
    prev = [0] * (len(y) + 1)
    for cx in x:
        cur = [0]
        for j, cy in enumerate(y, 1):
            cur.append(prev[j - 1] + 1 if cx == cy else max(prev[j], cur[j - 1]))
        prev = cur
    return prev[-1]
```""",
    ]),
    ("avanzado", "complexity", [
        r"""Me dicen que la mochila 0/1 en O(n · W) es "pseudopolinomial". ¿Qué significa eso?""",
        r"""Significa que el coste es polinómico en el valor numérico de W, pero no en el tamaño de la entrada medido en bits.

1. El tamaño de la entrada es lo que ocupa escribirla. Un número W ocupa unos log2 W bits, no W.
2. Si llamamos b = log2 W al número de bits, entonces W = 2^b y O(n · W) = O(n · 2^b): exponencial en el tamaño de W.
3. Por eso el algoritmo es rápido cuando W es pequeño y se vuelve inviable cuando W es enorme, aunque la entrada siga ocupando pocos bytes.
4. No contradice que la mochila 0/1 sea NP-difícil: un algoritmo polinómico de verdad debería ser polinómico en n y en log W.

Complejidad: O(n · W) en tiempo y O(W) en espacio con el arreglo unidimensional; en términos de bits, O(n · 2^b).

Error común: concluir que, como O(n · W) "parece polinómico", se ha resuelto en tiempo polinómico un problema NP-difícil.

Ejemplo:
- n = 100, W = 1000: unas 10^5 operaciones, instantáneo.
- n = 100, W = 10^12: unas 10^14 operaciones y una tabla de 10^12 posiciones, inviable, aunque W solo ocupa 40 bits.""",
    ]),
]
