"""Filas del tema "ordenacion". Cada fila: (nivel, categoría, [turnos]).

Los turnos alternan usuario / asistente y siempre terminan en el asistente.
"""

TOPIC = "ordenacion"

ROWS = [
    ("basico", "definition", [
        r"""¿Qué es el ordenamiento burbuja y cómo funciona?""",
        r"""El ordenamiento burbuja recorre la lista varias veces comparando pares de elementos vecinos.

1. Compara `a[j]` con `a[j + 1]`; si están en el orden incorrecto, los intercambia.
2. Al terminar una pasada completa, el mayor de los elementos no ordenados ha "subido" hasta su posición final, como una burbuja.
3. Repite las pasadas sobre la parte que aún no está ordenada, que es una posición más corta cada vez.
4. Si en una pasada no hubo intercambios, la lista ya está ordenada y puedes parar.

Complejidad: O(n²) en tiempo en el peor caso y en el caso promedio, O(n) en el mejor caso si usas la bandera de parada; O(1) en espacio extra.

Error común: recorrer siempre la lista completa en cada pasada, repitiendo comparaciones sobre elementos que ya están en su sitio.

Ejemplo:
```python
def burbuja(a):
    n = len(a)
    for i in range(n - 1):
        hubo_cambio = False
        for j in range(n - 1 - i):
            if a[j] > a[j + 1]:
                a[j], a[j + 1] = a[j + 1], a[j]
                hubo_cambio = True
        if not hubo_cambio:
            break
    return a
```""",
    ]),
    ("basico", "definition", [
        r"""¿Qué significa que un algoritmo de ordenación sea estable?""",
        r"""Un algoritmo de ordenación es estable si conserva el orden relativo de los elementos que tienen la misma clave.

1. Imagina registros que se ordenan por una clave, por ejemplo la edad.
2. Si Ana aparece antes que Eva en la entrada y ambas tienen 20 años, un algoritmo estable garantiza que Ana seguirá antes que Eva en la salida.
3. Esto importa cuando ordenas por varios criterios en pasadas sucesivas: primero por el criterio secundario y después por el principal.

Son estables: inserción, burbuja, merge sort y Timsort (el `sorted` de Python). En su versión habitual no lo son: selección, quicksort y heap sort.

Complejidad: la estabilidad no cambia la complejidad; merge sort sigue siendo O(n log n) en tiempo y O(n) en espacio.

Error común: creer que la estabilidad importa al ordenar números sueltos; solo se nota cuando los elementos iguales se distinguen por otros datos.

Ejemplo:
```python
personas = [("Ana", 20), ("Luis", 19), ("Eva", 20)]
print(sorted(personas, key=lambda p: p[1]))
# [('Luis', 19), ('Ana', 20), ('Eva', 20)]  Ana sigue antes que Eva
```""",
    ]),
    ("intermedio", "definition", [
        r"""¿Cómo funciona merge sort?""",
        r"""Merge sort aplica divide y vencerás:

1. Dividir: parte la lista en dos mitades.
2. Conquistar: ordena cada mitad recursivamente; una lista de 0 o 1 elementos ya está ordenada.
3. Combinar: mezcla las dos mitades con dos índices, tomando siempre el menor de los elementos de cabeza.

Complejidad: O(n log n) en tiempo en todos los casos (unos log n niveles y n elementos mezclados por nivel) y O(n) en espacio extra.

Error común: olvidar copiar los restos de una mitad cuando la otra se agota.

Ejemplo:
```python
def merge_sort(a):
    if len(a) <= 1:
        return a
    m = len(a) // 2
    izq, der = merge_sort(a[:m]), merge_sort(a[m:])
    res, i, j = [], 0, 0
    while i < len(izq) and j < len(der):
        if izq[i] <= der[j]:
            res.append(izq[i]); i += 1
        else:
            res.append(der[j]); j += 1
    return res + izq[i:] + der[j:]
```""",
        r"""¿Y por qué se usa `<=` y no `<` al comparar durante la mezcla?""",
        r"""Porque `<=` es lo que hace que merge sort sea estable.

1. Si `izq[i]` y `der[j]` son iguales, el de la izquierda apareció antes en la entrada.
2. Con `<=` se toma primero ese, así que los iguales conservan su orden relativo.
3. Con `<` se tomaría primero el de la derecha: la lista seguiría ordenada, pero el algoritmo ya no sería estable.

Complejidad: no cambia; O(n log n) en tiempo y O(n) en espacio.

Error común: tomarlo por un detalle estético; al ordenar registros por varios criterios en pasadas sucesivas, perder la estabilidad estropea el resultado.

Ejemplo: al mezclar `[(1, "a")]` con `[(1, "b")]` comparando solo el número, `<=` da `[(1, "a"), (1, "b")]` y `<` da el orden inverso.""",
    ]),
    ("avanzado", "definition", [
        r"""¿Qué es counting sort y en qué situaciones conviene usarlo?""",
        r"""Counting sort ordena enteros sin comparar elementos entre sí: cuenta cuántas veces aparece cada valor.

1. Determina el rango: todos los valores están entre 0 y k.
2. Crea un arreglo `cuenta` de tamaño k + 1 y suma 1 en `cuenta[x]` por cada elemento x.
3. Convierte `cuenta` en sumas acumuladas: `cuenta[v]` pasa a ser cuántos elementos son menores o iguales que v.
4. Recorre la entrada de derecha a izquierda colocando cada x en la posición `cuenta[x] - 1` y decrementando el contador. Ese recorrido inverso lo mantiene estable.

Conviene cuando k es del mismo orden que n, como notas de 0 a 10 o edades. Si k es enorme (enteros de 64 bits), el arreglo de cuentas no cabe en memoria.

Complejidad: O(n + k) en tiempo y O(n + k) en espacio.

Error común: usarlo con valores negativos sin desplazarlos; hay que restar el mínimo para que los índices empiecen en 0.

Ejemplo (versión corta para enteros sueltos):
```python
def counting_sort(a, k):
    cuenta = [0] * (k + 1)
    for x in a:
        cuenta[x] += 1
    res = []
    for v in range(k + 1):
        res.extend([v] * cuenta[v])
    return res

print(counting_sort([3, 0, 2, 3, 1], 3))  # [0, 1, 2, 3, 3]
```""",
    ]),
    ("basico", "example", [
        r"""Muéstrame paso a paso cómo ordena insertion sort la lista [5, 2, 4, 1].""",
        r"""Insertion sort mantiene a la izquierda un prefijo ordenado e inserta en él cada nuevo elemento, desplazando hacia la derecha los mayores.

Traza:
1. Inicio: [5 | 2, 4, 1]. El prefijo [5] ya está ordenado.
2. Insertar 2: como 5 > 2, se desplaza el 5. Queda [2, 5 | 4, 1].
3. Insertar 4: 5 > 4, se desplaza el 5; 2 < 4, se detiene. Queda [2, 4, 5 | 1].
4. Insertar 1: se desplazan 5, 4 y 2. Queda [1, 2, 4, 5].

Complejidad: O(n²) en tiempo en el peor caso (lista en orden inverso), O(n) en el mejor caso (lista ya ordenada); O(1) en espacio extra.

Error común: intercambiar el elemento con su vecino en cada paso en lugar de guardarlo en una variable y desplazar; funciona, pero hace más asignaciones de las necesarias.

Ejemplo en código:
```python
def insercion(a):
    for i in range(1, len(a)):
        x = a[i]
        j = i - 1
        while j >= 0 and a[j] > x:
            a[j + 1] = a[j]
            j -= 1
        a[j + 1] = x
    return a
```""",
    ]),
    ("intermedio", "example", [
        r"""¿Puedes hacer la traza de la partición de Lomuto de quicksort sobre [3, 7, 1, 5, 2] usando el último elemento como pivote?""",
        r"""La partición de Lomuto deja a la izquierda los elementos menores o iguales que el pivote y a la derecha los mayores.

Pivote: 2. El índice `i` marca el final de la zona de menores (empieza en -1) y `j` recorre los índices 0 a 3.

Ejemplo (traza):
1. j = 0: 3 > 2, no se hace nada.
2. j = 1: 7 > 2, nada.
3. j = 2: 1 ≤ 2, `i` pasa a 0 y se intercambian a[0] y a[2]: [1, 7, 3, 5, 2].
4. j = 3: 5 > 2, nada.
5. Final: se intercambia a[i + 1] = a[1] con el pivote: [1, 2, 3, 5, 7].

El pivote queda en el índice 1, su posición definitiva.

Complejidad: la partición es O(n) en tiempo y O(1) en espacio; quicksort completo, O(n log n) en promedio y O(n²) en el peor caso.

Error común: olvidar el intercambio final del pivote; entonces no queda en su sitio y la recursión usa rangos incorrectos.

En código:
```python
def lomuto(a, lo, hi):
    p = a[hi]
    i = lo - 1
    for j in range(lo, hi):
        if a[j] <= p:
            i += 1
            a[i], a[j] = a[j], a[i]
    a[i + 1], a[hi] = a[hi], a[i + 1]
    return i + 1
```""",
    ]),
    ("intermedio", "example", [
        r"""Tengo una lista de alumnos con nombre y nota. ¿Cómo la ordeno por nota de mayor a menor y, si hay empate, por nombre en orden alfabético?""",
        r"""En Python tienes dos caminos, ambos con `sorted`.

Opción 1, una sola clave compuesta:
1. Usa como clave la tupla `(-nota, nombre)`.
2. El signo menos invierte el orden de la nota (solo sirve para números).
3. Python compara tuplas elemento a elemento, así que el nombre solo decide cuando las notas empatan.

Opción 2, dos pasadas aprovechando la estabilidad:
1. Ordena primero por el criterio secundario (nombre).
2. Ordena después por el principal (nota) con `reverse=True`. Como Timsort es estable, los empates conservan el orden alfabético.

Complejidad: O(n log n) en tiempo y O(n) en espacio; la opción 2 ordena dos veces, pero sigue siendo O(n log n).

Error común: hacer las dos pasadas en el orden contrario (primero por nota y luego por nombre); la última ordenación es la que manda, así que acabarías ordenando por nombre.

Ejemplo:
```python
alumnos = [("Luis", 8), ("Ana", 9), ("Eva", 8)]
print(sorted(alumnos, key=lambda a: (-a[1], a[0])))
# [('Ana', 9), ('Eva', 8), ('Luis', 8)]
```""",
    ]),
    ("avanzado", "example", [
        r"""¿Cómo funciona radix sort LSD? Hazme la traza con [170, 45, 75, 90, 2, 24].""",
        r"""Radix sort LSD ordena los números dígito a dígito, empezando por el menos significativo, con un ordenamiento estable en cada pasada (normalmente counting sort o cubetas por dígito).

Traza:
1. Por unidades: [170, 90, 2, 24, 45, 75]. 170 y 90 terminan en 0 y mantienen su orden original.
2. Por decenas: [2, 24, 45, 170, 75, 90]. El 2 tiene decena 0.
3. Por centenas: [2, 24, 45, 75, 90, 170]. Solo 170 tiene centena distinta de 0.

La clave es la estabilidad: en la pasada de centenas, los números con centena 0 conservan el orden que fijaron las pasadas anteriores.

Complejidad: O(d·(n + b)) en tiempo, donde d es el número de dígitos y b la base (10 aquí); O(n + b) en espacio.

Error común: usar un ordenamiento no estable en cada pasada, con lo que se pierde el trabajo de las pasadas anteriores.

Ejemplo para enteros no negativos:
```python
def radix_sort(a):
    exp = 1
    while max(a) // exp > 0:
        cubetas = [[] for _ in range(10)]
        for x in a:
            cubetas[(x // exp) % 10].append(x)
        a = [x for c in cubetas for x in c]
        exp *= 10
    return a
```""",
    ]),
    ("basico", "error_correction", [
        r"""Mi bubble sort lanza "IndexError: list index out of range". ¿Qué está mal?

```python
def burbuja(a):
    n = len(a)
    for i in range(n):
        for j in range(n):
            if a[j] > a[j + 1]:
                a[j], a[j + 1] = a[j + 1], a[j]
    return a
```""",
        r"""El fallo está en el rango del bucle interno.

1. Cuando `j` vale `n - 1`, la expresión `a[j + 1]` intenta leer `a[n]`, que no existe. De ahí el `IndexError`.
2. Como comparas `a[j]` con su vecino derecho, `j` solo debe llegar hasta `n - 2`, es decir, `range(n - 1)`.
3. Mejora adicional: tras la pasada `i`, los últimos `i` elementos ya están en su sitio, así que basta con `range(n - 1 - i)`.

Complejidad: O(n²) en tiempo y O(1) en espacio extra, antes y después de la corrección; la mejora reduce las comparaciones más o menos a la mitad, pero no cambia el orden de crecimiento.

Error común: tapar el síntoma con un `try/except` en lugar de ajustar los límites del bucle.

Ejemplo corregido:
```python
def burbuja(a):
    n = len(a)
    for i in range(n - 1):
        for j in range(n - 1 - i):
            if a[j] > a[j + 1]:
                a[j], a[j + 1] = a[j + 1], a[j]
    return a

print(burbuja([4, 1, 3]))  # [1, 3, 4]
```""",
    ]),
    ("intermedio", "error_correction", [
        r"""Mi función de mezcla para merge sort pierde elementos: `mezclar([1, 4], [2, 3, 5])` devuelve [1, 2, 3, 4] y falta el 5.

```python
def mezclar(izq, der):
    res = []
    i = j = 0
    while i < len(izq) and j < len(der):
        if izq[i] <= der[j]:
            res.append(izq[i]); i += 1
        else:
            res.append(der[j]); j += 1
    return res
```""",
        r"""El bucle está bien, pero termina en cuanto una de las dos listas se agota, y lo que queda en la otra nunca se copia.

Traza:
1. 1 vs 2: se añade 1.
2. 4 vs 2: se añade 2.
3. 4 vs 3: se añade 3.
4. 4 vs 5: se añade 4. Ahora `i == len(izq)` y el bucle termina.
5. El 5 sigue en `der[2:]` y se pierde.

Corrección: después del bucle, añade los restos de ambas listas. Como solo una de ellas puede tener elementos pendientes y ya están ordenados, basta con `extend`.

Complejidad: O(n + m) en tiempo y O(n + m) en espacio para la lista resultado, donde n y m son los tamaños de las entradas.

Error común: añadir solo el resto de una de las listas (por ejemplo, siempre `der[j:]`), lo que falla cuando es la otra la que se agota antes.

Ejemplo corregido:
```python
def mezclar(izq, der):
    res = []
    i = j = 0
    while i < len(izq) and j < len(der):
        if izq[i] <= der[j]:
            res.append(izq[i]); i += 1
        else:
            res.append(der[j]); j += 1
    res.extend(izq[i:])
    res.extend(der[j:])
    return res
```""",
    ]),
    ("avanzado", "error_correction", [
        r"""Mi quicksort da RecursionError con algunas listas, por ejemplo [3, 1, 2]. ¿Por qué?

```python
def quicksort(a):
    if len(a) <= 1:
        return a
    p = a[0]
    menores = [x for x in a if x <= p]
    mayores = [x for x in a if x > p]
    return quicksort(menores) + quicksort(mayores)
```""",
        r"""El problema es que el pivote se queda dentro de `menores`, así que la lista no siempre se reduce.

1. Con [3, 1, 2], el pivote es 3 y `menores = [3, 1, 2]`: la misma lista de entrada.
2. La llamada recursiva recibe exactamente el mismo problema y se repite sin fin hasta el `RecursionError`.
3. Corrección: saca el pivote de la partición recorriendo `a[1:]` y colócalo entre las dos mitades. Así cada llamada recibe como mucho n - 1 elementos y la recursión termina.

Complejidad: O(n log n) en tiempo en promedio y O(n²) en el peor caso; esta versión crea listas nuevas y usa O(n) de memoria extra en promedio.

Error común: escribir `x < p` en ambas comprensiones para "arreglarlo"; entonces los valores iguales al pivote desaparecen del resultado.

Ejemplo corregido:
```python
def quicksort(a):
    if len(a) <= 1:
        return a
    p, resto = a[0], a[1:]
    menores = [x for x in resto if x <= p]
    mayores = [x for x in resto if x > p]
    return quicksort(menores) + [p] + quicksort(mayores)

print(quicksort([3, 1, 2]))  # [1, 2, 3]
```""",
    ]),
    ("avanzado", "error_correction", [
        r"""Mi profesor dice que quicksort puede ser O(n²), pero yo creo que siempre es O(n log n) porque divide la lista por la mitad, igual que merge sort. ¿Quién tiene razón?""",
        r"""Tiene razón tu profesor. El fallo del razonamiento está en suponer que la partición siempre produce dos mitades.

1. Merge sort divide por la posición central, así que las mitades miden n/2 siempre.
2. Quicksort divide según el valor del pivote. Si el pivote es el menor o el mayor elemento, una parte queda vacía y la otra tiene n - 1 elementos.
3. Si eso pasa en cada nivel, el trabajo es n + (n - 1) + ... + 1 = n(n + 1)/2, es decir, O(n²). Ocurre, por ejemplo, al tomar el primer elemento como pivote sobre una lista ya ordenada.
4. En promedio, con pivotes razonables, las particiones están equilibradas y el coste es O(n log n).

Solución práctica: elegir el pivote al azar o con la mediana de tres; las bibliotecas suelen usar además introsort, que cambia a heap sort si la recursión se hace demasiado profunda.

Complejidad: O(n log n) en tiempo en promedio y O(n²) en el peor caso; O(log n) de pila en promedio y O(n) en el peor caso.

Error común: confundir el caso promedio con una garantía para todas las entradas.

Ejemplo: con [1, 2, 3, 4, 5] y pivote el primero, las particiones tienen tamaños 4, 3, 2, 1: cinco niveles de recursión en lugar de unos tres.""",
    ]),
    ("basico", "comparison", [
        r"""¿En qué se diferencian selection sort e insertion sort?""",
        r"""Ambos mantienen una parte izquierda ordenada, pero la construyen de forma distinta.

Selection sort: busca el mínimo de la parte no ordenada y lo intercambia con el primer elemento de esa parte. Siempre recorre todo el resto.

Insertion sort: toma el siguiente elemento y lo desplaza a la izquierda hasta su sitio dentro del prefijo ordenado. Si ya está en su lugar, se detiene enseguida.

Complejidad: selection sort es O(n²) en tiempo en todos los casos; insertion sort es O(n²) en el peor caso y O(n) en el mejor. Ambos usan O(1) de espacio extra. Selection hace como mucho n - 1 intercambios.

Error común: suponer que se comportan igual por compartir la cota O(n²); con datos casi ordenados la diferencia es enorme.

Ejemplo con [1, 2, 3, 4]: selection sort hace 3 + 2 + 1 = 6 comparaciones; insertion sort, solo 3.""",
        r"""Entonces, ¿cuándo tendría sentido elegir selection sort?""",
        r"""En pocos casos, pero existen:

1. Si escribir en memoria es caro (por ejemplo, en memoria flash): selection sort hace como mucho n - 1 intercambios, frente a los O(n²) desplazamientos posibles de insertion sort.
2. Si solo quieres los k menores: puedes parar tras k pasadas.

Complejidad: O(n²) en tiempo siempre y O(1) en espacio; la versión parcial para los k menores cuesta O(k·n).

Error común: usarlo con listas grandes o casi ordenadas, donde insertion sort o `sorted` ganan con claridad.

Ejemplo: obtener los 3 menores de 1000 valores con tres pasadas cuesta unas 3000 comparaciones, frente a casi 500 000 de la ordenación completa.""",
    ]),
    ("intermedio", "comparison", [
        r"""¿Qué diferencias hay entre merge sort y quicksort? ¿Cuál es mejor?""",
        r"""Ninguno es mejor en todo; conviene comparar punto por punto.

1. Tiempo: merge sort es O(n log n) siempre. Quicksort es O(n log n) en promedio, pero O(n²) en el peor caso si los pivotes son malos.
2. Memoria: merge sort necesita O(n) extra para mezclar. Quicksort ordena en el sitio y solo usa la pila de recursión, O(log n) en promedio.
3. Estabilidad: merge sort es estable; quicksort, en su forma habitual, no.
4. Rendimiento real: quicksort suele ser más rápido con arreglos en memoria porque recorre posiciones contiguas y aprovecha bien la caché.
5. Otros usos: merge sort encaja con listas enlazadas y con datos que no caben en memoria (ordenación externa).

Complejidad: merge sort O(n log n) en tiempo y O(n) en espacio; quicksort O(n log n) en promedio y O(n²) en el peor caso en tiempo, O(log n) de pila en promedio.

Error común: elegir quicksort con pivote fijo para datos que pueden venir ya ordenados; justo ese es su peor caso.

Ejemplo de decisión: para ordenar pedidos por fecha sin alterar el orden de los que empatan, usa merge sort (o `sorted`); para un arreglo grande de enteros sin requisitos de estabilidad, un quicksort con pivote aleatorio es buena opción.""",
    ]),
    ("avanzado", "comparison", [
        r"""¿Por qué Python usa Timsort en lugar de quicksort para `sorted` y `list.sort`?""",
        r"""Porque Timsort ofrece garantías que quicksort no da y aprovecha cómo suelen ser los datos reales.

1. Qué es Timsort: un híbrido de merge sort e insertion sort. Busca tramos ya ordenados ("runs"), alarga los cortos con insertion sort y luego los mezcla.
2. Datos reales: muchas listas vienen parcialmente ordenadas. Timsort detecta esos tramos y hace mucho menos trabajo; una lista ya ordenada se procesa en una sola pasada.
3. Estabilidad: Timsort es estable, algo que Python garantiza y que permite ordenar por varios criterios en pasadas sucesivas. Quicksort no lo es.
4. Peor caso: Timsort es O(n log n) siempre; quicksort puede degradarse a O(n²).
5. Coste: Timsort necesita memoria auxiliar, hasta O(n), mientras que quicksort ordena en el sitio.

Complejidad: Timsort es O(n) en el mejor caso, O(n log n) en el peor, con O(n) de espacio extra; quicksort es O(n log n) en promedio, O(n²) en el peor caso y O(log n) de pila en promedio.

Error común: pensar que Timsort siempre es más rápido; con datos completamente aleatorios, un buen quicksort es muy competitivo.

Ejemplo: `sorted(range(10**6))` detecta un único tramo ordenado y termina tras unas n comparaciones, sin mezclar nada.""",
    ]),
    ("basico", "complexity", [
        r"""¿Cuál es la complejidad de bubble sort si la lista ya está ordenada?""",
        r"""Depende de si tu implementación usa la bandera de "hubo intercambio".

1. Con bandera: en la primera pasada se comparan los n - 1 pares vecinos, no se hace ningún intercambio y el algoritmo se detiene.
2. Sin bandera: el algoritmo hace todas las pasadas aunque no cambie nada, con un total de n(n - 1)/2 comparaciones.

Complejidad: con bandera, O(n) en tiempo en el mejor caso (lista ordenada); sin bandera, O(n²) siempre. En ambos casos el peor caso es O(n²) y el espacio extra es O(1).

Error común: decir que bubble sort "es O(n) con listas ordenadas" sin aclarar que eso solo vale con la bandera de parada.

Ejemplo: con [1, 2, 3, 4, 5] y bandera, se hacen 4 comparaciones y termina; sin bandera se hacen 4 + 3 + 2 + 1 = 10.
```python
hubo_cambio = False
for j in range(n - 1):
    if a[j] > a[j + 1]:
        a[j], a[j + 1] = a[j + 1], a[j]
        hubo_cambio = True
if not hubo_cambio:
    print("ya estaba ordenada")
```""",
    ]),
    ("intermedio", "complexity", [
        r"""¿Cuál es la complejidad de heap sort y de dónde sale?""",
        r"""Heap sort tiene dos fases y conviene analizarlas por separado.

1. Construir el max-heap: se aplica "hundir" (sift down) desde el último nodo interno hasta la raíz. Aunque parece O(n log n), la mayoría de nodos están cerca de las hojas y se hunden poco; la suma total es O(n).
2. Extraer n - 1 veces: se intercambia la raíz (el máximo) con el último elemento del heap, se reduce su tamaño en uno y se hunde la nueva raíz. Cada hundimiento cuesta O(log n), porque la altura del heap es log n.
3. Total: O(n) + O(n log n) = O(n log n).

Complejidad: O(n log n) en tiempo en el mejor, promedio y peor caso; O(1) en espacio extra, porque trabaja en el mismo arreglo. No es estable.

Error común: creer que construir el heap cuesta O(n log n) y que eso domina; la cota ajustada es O(n), y lo que domina son las extracciones.

Ejemplo: con n = 8 el heap tiene altura 3, así que cada extracción baja como mucho 3 niveles y hace como mucho 2 comparaciones por nivel.""",
    ]),
    ("avanzado", "complexity", [
        r"""¿Por qué se dice que ningún algoritmo de ordenación por comparación puede ser más rápido que O(n log n) en el peor caso?""",
        r"""Se demuestra con un árbol de decisión.

1. Un algoritmo que solo compara elementos puede modelarse como un árbol binario: cada nodo es una comparación y cada rama, su resultado.
2. Cada hoja corresponde a una permutación de la entrada. Para ordenar cualquier entrada, el árbol necesita al menos n! hojas.
3. Un árbol binario de altura h tiene como mucho 2^h hojas, así que 2^h ≥ n!, es decir, h ≥ log2(n!).
4. Por la aproximación de Stirling, log2(n!) crece como n log n. La altura es el número de comparaciones en el peor caso.

Complejidad: cota inferior Ω(n log n) comparaciones en el peor caso (y también en promedio). Merge sort y heap sort la alcanzan, por eso son asintóticamente óptimos.

Error común: pensar que counting sort o radix sort "rompen" la cota; no la rompen porque no ordenan comparando, sino usando los valores como índices, y solo sirven para claves acotadas.

Ejemplo: con n = 3 hay 3! = 6 órdenes posibles y log2(6) ≈ 2,58, así que cualquier algoritmo por comparación necesita 3 comparaciones en el peor caso.""",
    ]),
]
