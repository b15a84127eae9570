"""Filas del tema "big_o". Cada fila: (nivel, categoría, [turnos])."""

TOPIC = "big_o"

ROWS = [
    ("basico", "definition", [
        r"""¿Qué es la notación Big O?""",
        r"""La notación Big O describe cómo crece el coste de un algoritmo (tiempo o memoria) cuando crece el tamaño de la entrada n. Da una cota superior del ritmo de crecimiento, sin fijarse en constantes.

Definición: f(n) = O(g(n)) si existen una constante c > 0 y un n0 tales que f(n) ≤ c · g(n) para todo n ≥ n0.

Cómo se usa en la práctica:
1. Cuenta las operaciones básicas en función de n.
2. Quédate con el término que crece más rápido.
3. Elimina las constantes multiplicativas.

Por ejemplo, 3n² + 5n + 2 es O(n²): para n grande, el término n² domina y el 3 no cambia la forma de crecer.

Complejidad: el código del ejemplo recorre la lista una vez, así que es O(n) en tiempo y O(1) en espacio extra.

Error común: interpretar O(n) como "tarda n segundos" o "hace exactamente n pasos"; Big O habla del ritmo de crecimiento, no de tiempos concretos.

Ejemplo:
```python
def suma(a):
    total = 0
    for x in a:      # n vueltas
        total += x   # O(1) cada una
    return total
```
Si duplicas el tamaño de la lista, el tiempo se duplica aproximadamente: crecimiento lineal.""",
    ]),
    ("basico", "definition", [
        r"""¿Qué significa que una operación sea O(1)?""",
        r"""Significa que su coste está acotado por una constante que no depende del tamaño de la entrada. Con 10 elementos o con 10 millones, tarda lo mismo (o como mucho una cantidad fija).

1. No quiere decir "un solo paso" ni "instantáneo": puede hacer 50 operaciones, siempre que sean 50 sin importar n.
2. Ejemplos en Python: acceder a `lista[i]`, `lista.append(x)` (O(1) amortizado), `len(lista)`, buscar una clave en un `dict` o un `set` (en promedio).
3. Contraejemplos: `x in lista`, `lista.insert(0, x)` y `lista.pop(0)` son O(n), porque recorren o desplazan elementos.

Complejidad: las operaciones O(1) cuestan tiempo constante y no necesitan memoria extra que crezca con n.

Error común: suponer que `x in lista` es O(1) porque "es una sola línea"; en una lista recorre los elementos uno a uno y es O(n). En un `set` sí es O(1) en promedio.

Ejemplo:
```python
a = list(range(1_000_000))
s = set(a)
a[500_000]         # O(1): acceso por índice
999_999 in s       # O(1) en promedio
999_999 in a       # O(n): recorre casi toda la lista
```""",
    ]),
    ("intermedio", "definition", [
        r"""¿Qué es la complejidad amortizada? Explícamelo con `append` en una lista de Python.""",
        r"""La complejidad amortizada reparte el coste total de una secuencia de operaciones entre todas ellas. Sirve cuando casi todas las operaciones son baratas y, de vez en cuando, una es cara.

Cómo funciona `append`:
1. Una lista de Python es un arreglo dinámico con algo de capacidad libre.
2. Si queda hueco, `append` escribe al final: O(1).
3. Si está llena, reserva un arreglo más grande (proporcional al tamaño actual) y copia todos los elementos: O(n) esa vez.
4. Como la capacidad crece de forma geométrica, las copias caras son cada vez más raras. Con duplicación, las copias hasta llegar a n elementos suman 1 + 2 + 4 + ... < 2n.

Por tanto, n `append` cuestan O(n) en total: O(1) amortizado por operación. Es una garantía sobre cualquier secuencia, no una media probabilística.

Complejidad: `append` es O(1) amortizado y O(n) en el peor caso individual; la lista ocupa O(n) en espacio.

Error común: hacer crecer un arreglo propio en una cantidad fija (por ejemplo, +10 posiciones); entonces hay n/10 copias de tamaño creciente y el total pasa a ser O(n²).

Ejemplo con duplicación empezando en capacidad 1: para insertar 8 elementos se copian 1 + 2 + 4 = 7 elementos en total, menos de uno por inserción.""",
    ]),
    ("avanzado", "definition", [
        r"""¿Qué dice el teorema maestro y cómo lo aplico?""",
        r"""Resuelve recurrencias de divide y vencerás de la forma T(n) = a · T(n/b) + f(n), con a ≥ 1 y b > 1: a subproblemas de tamaño n/b más f(n) de trabajo para dividir y combinar.

Se compara f(n) con n^(log_b a), el trabajo de las hojas:
1. Si f(n) = O(n^c) con c < log_b a, dominan las hojas: T(n) = Θ(n^(log_b a)).
2. Si f(n) = Θ(n^(log_b a)), cada nivel aporta lo mismo: T(n) = Θ(n^(log_b a) · log n).
3. Si f(n) = Ω(n^c) con c > log_b a y además a · f(n/b) ≤ k · f(n) para algún k < 1, domina la raíz: T(n) = Θ(f(n)).

Complejidad: merge sort, 2T(n/2) + n, cae en el caso 2 (log_2 2 = 1) y da Θ(n log n); la búsqueda binaria, T(n/2) + 1, también en el caso 2 (n^0 = 1) y da Θ(log n); 8T(n/2) + n² cae en el caso 1 (log_2 8 = 3 > 2) y da Θ(n³).

Error común: comparar f(n) con n^(a/b) en lugar de n^(log_b a); para 8T(n/2) + n² daría n^4 y una conclusión falsa.

Ejemplo del caso 3: T(n) = 2T(n/2) + n². log_2 2 = 1 < 2, y 2 · (n/2)² = n²/2 ≤ (1/2) · n², así que T(n) = Θ(n²).""",
    ]),
    ("basico", "example", [
        r"""¿Cuál es la complejidad de este código?

```python
for i in range(n):
    for j in range(n):
        print(i, j)
```""",
        r"""Cuenta cuántas veces se ejecuta la línea de dentro.

1. El bucle exterior da n vueltas.
2. En cada una, el bucle interior da otras n vueltas.
3. El `print` se ejecuta n · n = n² veces, y cada ejecución es O(1).

Complejidad: O(n²) en tiempo y O(1) en espacio extra.

Error común: sumar en lugar de multiplicar; en bucles anidados, las vueltas del interior se repiten por cada vuelta del exterior.

Ejemplo con n = 3: se imprimen los 9 pares (0, 0), (0, 1), (0, 2), (1, 0), ..., (2, 2). Con n = 1000 serían un millón de líneas.""",
        r"""¿Y si el bucle interno empieza en i, es decir, `for j in range(i, n)`?""",
        r"""Sigue siendo O(n²), aunque hace aproximadamente la mitad de trabajo.

1. Para i = 0, el interior da n vueltas; para i = 1, n - 1; ...; para i = n - 1, una.
2. Total: n + (n - 1) + ... + 1 = n(n + 1)/2.
3. n(n + 1)/2 = n²/2 + n/2. El término dominante es n²/2, y al quitar la constante 1/2 queda O(n²).

Complejidad: O(n²) en tiempo y O(1) en espacio extra.

Error común: pensar que "como el bucle interno se acorta", la complejidad baja a O(n log n) u O(n). Reducir el trabajo a la mitad no cambia el orden de crecimiento.

Ejemplo con n = 3: 3 + 2 + 1 = 6 pares, frente a los 9 del caso anterior. Con n = 1000, 500 500 frente a 1 000 000: siempre alrededor de la mitad.""",
    ]),
    ("intermedio", "example", [
        r"""¿Qué complejidad tiene este bucle?

```python
i = n
while i > 1:
    i = i // 2
```""",
        r"""Cada vuelta divide i entre 2, así que hay que contar cuántas veces se puede dividir n entre 2 antes de llegar a 1.

1. Tras k vueltas, i vale aproximadamente n / 2^k.
2. El bucle termina cuando n / 2^k ≤ 1, es decir, cuando 2^k ≥ n.
3. Eso ocurre para k = log2 n (redondeado hacia arriba).

Complejidad: O(log n) en tiempo y O(1) en espacio.

Error común: confundirlo con O(n/2). Restar una cantidad fija en cada vuelta (i -= 2) da O(n); dividir (i //= 2) da O(log n).

Ejemplo con n = 16: i pasa por 16, 8, 4, 2 y 1. Son 4 vueltas, y log2 16 = 4. Con n = 1 000 000 serían solo unas 20 vueltas.

Lo mismo ocurre en sentido contrario:
```python
i = 1
while i < n:
    i *= 2      # también O(log n)
```""",
    ]),
    ("intermedio", "example", [
        r"""¿Cómo obtengo la complejidad de T(n) = 2T(n/2) + n sin usar el teorema maestro?""",
        r"""Dibuja el árbol de recursión y suma el trabajo de cada nivel.

1. Nivel 0: un problema de tamaño n que hace n de trabajo propio.
2. Nivel 1: dos problemas de tamaño n/2; cada uno hace n/2, en total n.
3. Nivel k: 2^k problemas de tamaño n/2^k, en total 2^k · n/2^k = n.
4. Se llega a tamaño 1 cuando n/2^k = 1, es decir, en k = log2 n. Hay log2 n + 1 niveles.
5. Total: n por nivel × (log2 n + 1) niveles.

También se puede desplegar la recurrencia: T(n) = 2T(n/2) + n = 4T(n/4) + 2n = ... = 2^k · T(n/2^k) + k · n. Con k = log2 n queda n · T(1) + n log2 n.

Complejidad: T(n) = O(n log n). Es la recurrencia de merge sort.

Error común: contar solo la profundidad del árbol (log n) y olvidar que cada nivel hace n de trabajo.

Ejemplo con n = 8:
- Nivel 0: 8
- Nivel 1: 4 + 4 = 8
- Nivel 2: 2 + 2 + 2 + 2 = 8
- Nivel 3: ocho problemas de tamaño 1.
Tres niveles con 8 de trabajo cada uno, 24 = 8 · log2 8, más el coste de las 8 hojas.""",
    ]),
    ("avanzado", "example", [
        r"""¿Qué complejidad tiene este código?

```python
for i in range(1, n + 1):
    for j in range(0, n, i):
        trabajo()
```""",
        r"""Parece O(n²) por los bucles anidados, pero el interno da saltos de tamaño i.

1. Para un i dado, el interno recorre 0, i, 2i, ... hasta n: unas n/i vueltas (redondeando hacia arriba).
2. Total: n/1 + n/2 + n/3 + ... + n/n = n · (1 + 1/2 + ... + 1/n).
3. La suma entre paréntesis es el número armónico H_n, que crece como ln n.
4. Por tanto, el total es del orden de n · ln n.

Complejidad: O(n log n) en tiempo y O(1) en espacio extra.

Error común: ver dos bucles anidados y contestar O(n²) sin mirar cuánto avanza el interno.

Ejemplo con n = 6: las vueltas del interno son 6, 3, 2, 2, 2 y 1, en total 16. Con n² serían 36. Para n = 10^6, n · ln n ≈ 1,4 · 10^7, frente a 10^12.

Este patrón aparece en la criba para contar divisores: para cada i se recorren sus múltiplos.""",
    ]),
    ("basico", "error_correction", [
        r"""Mi compañero dice que este código es O(n²) porque tiene dos bucles. ¿Tiene razón?

```python
def suma_y_max(a):
    s = 0
    for x in a:
        s += x
    m = a[0]
    for x in a:
        m = max(m, x)
    return s, m
```""",
        r"""No. Los dos bucles van uno detrás de otro, no uno dentro de otro.

1. El primer bucle da n vueltas con trabajo O(1): O(n).
2. Después, el segundo da otras n vueltas: O(n).
3. Los pasos consecutivos se suman: O(n) + O(n) = O(2n) = O(n).

Los bucles se multiplican solo cuando están anidados, porque entonces el interior se repite entero en cada vuelta del exterior.

Complejidad: O(n) en tiempo y O(1) en espacio extra.

Error común: contar el número de bucles en lugar de analizar cómo están organizados.

Ejemplo comparativo con n = 1000:
- Este código: unas 1000 + 1000 = 2000 operaciones.
- Dos bucles anidados: 1000 · 1000 = 1 000 000.

Además, se puede hacer en una sola pasada, aunque no cambia la complejidad:
```python
s, m = 0, a[0]
for x in a:
    s += x
    m = max(m, x)
```""",
    ]),
    ("intermedio", "error_correction", [
        r"""Creo que esta función para quitar duplicados es O(n), porque solo tiene un bucle. ¿Es correcto?

```python
def sin_duplicados(a):
    res = []
    for x in a:
        if x not in res:
            res.append(x)
    return res
```""",
        r"""No: hay un segundo bucle escondido en `x not in res`.

1. El operador `in` sobre una lista hace una búsqueda lineal: compara x con los elementos de `res` uno a uno.
2. Si todos los valores son distintos, `res` va creciendo: 0, 1, 2, ..., n - 1 comparaciones.
3. Total: 0 + 1 + ... + (n - 1) = n(n - 1)/2, es decir, O(n²).

Corrección: usa un `set` auxiliar para comprobar si ya lo has visto en O(1) de promedio, y la lista para conservar el orden.

Complejidad: la versión original es O(n²) en tiempo; la corregida, O(n) en promedio. Ambas usan O(n) de espacio.

Error común: contar solo los bucles visibles y olvidar el coste de operaciones como `in`, `index`, `insert(0, x)` o `remove`, que son O(n) en listas.

Ejemplo corregido:
```python
def sin_duplicados(a):
    vistos, res = set(), []
    for x in a:
        if x not in vistos:
            vistos.add(x)
            res.append(x)
    return res

print(sin_duplicados([3, 1, 3, 2, 1]))  # [3, 1, 2]
```""",
    ]),
    ("avanzado", "error_correction", [
        r"""Pensé que esta suma recursiva era O(n) en tiempo y en espacio. ¿Me equivoco?

```python
def suma(a):
    if not a:
        return 0
    return a[0] + suma(a[1:])
```""",
        r"""Sí, te equivocas en ambos, por culpa de `a[1:]`.

1. Tiempo: `a[1:]` crea una lista nueva copiando n - 1 elementos. En la siguiente llamada se copian n - 2, etc. Las copias suman (n - 1) + (n - 2) + ... + 1 = n(n - 1)/2, es decir, O(n²).
2. Espacio: cada llamada está esperando a la siguiente, así que todas sus rebanadas siguen vivas a la vez. En el punto más profundo hay listas de tamaños n - 1, n - 2, ..., 1: O(n²) de memoria en total, más O(n) de pila.
3. Además, con la profundidad por defecto de Python (unas 1000 llamadas), una lista de 5000 elementos ya da `RecursionError`.

Corrección: pasa un índice en lugar de una copia, o usa un bucle.

Complejidad: con índice, O(n) en tiempo y O(n) de pila; con un bucle, O(n) en tiempo y O(1) en espacio.

Error común: pensar que las rebanadas son "vistas" gratuitas; en listas de Python siempre copian.

Ejemplo corregido:
```python
def suma(a, i=0):
    if i == len(a):
        return 0
    return a[i] + suma(a, i + 1)

def suma_iterativa(a):
    total = 0
    for x in a:
        total += x
    return total
```""",
    ]),
    ("avanzado", "error_correction", [
        r"""Apliqué el teorema maestro a T(n) = T(n - 1) + n con a = 1 y b = 1, y me salió O(n log n). ¿Está bien?""",
        r"""No. El teorema maestro no se puede aplicar a esa recurrencia.

1. El teorema exige la forma T(n) = a · T(n/b) + f(n) con b > 1: el problema se divide entre b. Aquí el tamaño baja restando 1, no dividiendo.
2. Con b = 1, log_b a = log_1 1 no está definido (log 1 = 0 en el denominador), así que cualquier conclusión es inválida.
3. Resuélvela desplegando: T(n) = n + T(n - 1) = n + (n - 1) + T(n - 2) = ... = n + (n - 1) + ... + 1 + T(0).
4. Esa suma es n(n + 1)/2.

Complejidad: T(n) = Θ(n²). Es la recurrencia de selection sort escrito de forma recursiva y del peor caso de quicksort.

Error común: forzar el teorema maestro en cualquier recurrencia. Para las de la forma T(n) = T(n - c) + f(n), despliega o usa un árbol de recursión.

Ejemplo con n = 4: T(4) = 4 + 3 + 2 + 1 + T(0) = 10 + T(0). Para n = 1000, unos 500 000 pasos, no los unos 10 000 que predecía n log2 n.""",
    ]),
    ("basico", "comparison", [
        r"""¿Cómo se comparan en la práctica O(log n), O(n), O(n log n) y O(n²)?""",
        r"""La mejor forma de verlo es con números. Valores aproximados (logaritmo en base 2):

| n | log n | n | n log n | n² |
|---|---|---|---|---|
| 1 000 | 10 | 10^3 | 10^4 | 10^6 |
| 1 000 000 | 20 | 10^6 | 2 · 10^7 | 10^12 |

Con un ordenador que hace unos 10^8 operaciones simples por segundo:
1. O(log n) y O(n): instantáneo incluso con un millón de datos.
2. O(n log n): 2 · 10^7 operaciones, una fracción de segundo.
3. O(n²): 10^12 operaciones, unas 3 horas.

Complejidad: ordenar con merge sort es O(n log n); con bubble sort, O(n²). Para un millón de datos, es la diferencia entre una fracción de segundo y horas.

Error común: pensar que las constantes nunca importan. Con n pequeño, un algoritmo O(n²) sencillo puede ganar a uno O(n log n) complicado; por eso Timsort usa insertion sort en tramos cortos.

Ejemplo: si duplicas n, un O(n) tarda el doble, un O(n log n) algo más del doble y un O(n²) cuatro veces más.""",
    ]),
    ("intermedio", "comparison", [
        r"""¿Qué diferencia hay entre O, Ω y Θ?""",
        r"""Son tres tipos de cota para el crecimiento de una función.

1. O(g): cota superior. f crece como mucho como g, salvo constantes.
2. Ω(g): cota inferior. f crece al menos como g.
3. Θ(g): cota ajustada. f es a la vez O(g) y Ω(g), así que crece exactamente como g, salvo constantes.

Complejidad: merge sort es Θ(n log n) en todos los casos. Insertion sort es Θ(n²) en el peor caso y Θ(n) en el mejor; del algoritmo en general se puede decir que es O(n²) y Ω(n).

Error común: identificar O con "peor caso" y Ω con "mejor caso". Son cotas sobre funciones; el peor caso es una función que puedes acotar con O, Ω o Θ, igual que el mejor caso.

Ejemplo: f(n) = 3n + 2 es O(n), Ω(n) y Θ(n). También es O(n²), pero no Ω(n²).""",
        r"""Entonces, ¿es incorrecto decir que la búsqueda binaria es O(n)?""",
        r"""No es falso, pero es poco informativo.

1. O(n) es una cota superior: afirma que la búsqueda binaria no crece más rápido que n. Es cierto, porque log n crece más despacio que n.
2. Pero la cota ajustada de su peor caso es Θ(log n), que dice mucho más.
3. Es como decir "tengo menos de 200 años": verdad, pero no sirve para saber tu edad.

Complejidad: búsqueda binaria, Θ(log n) en el peor caso y Θ(1) en el mejor, con O(1) de espacio en la versión iterativa.

Error común: en un examen o una entrevista, dar una cota holgada cuando se pide la complejidad; se espera la cota más ajustada que puedas justificar.

Ejemplo: con n = 10^6, "O(n)" permitiría hasta un millón de pasos, mientras que la búsqueda binaria hace como mucho unos 20.""",
    ]),
    ("avanzado", "comparison", [
        r"""¿Qué diferencia hay entre peor caso, caso promedio y costo amortizado?""",
        r"""Son tres formas distintas de resumir el coste de un algoritmo.

1. Peor caso: el máximo coste sobre todas las entradas de tamaño n. Es una garantía absoluta.
2. Caso promedio (o esperado): el coste medio según una distribución de entradas o según las decisiones aleatorias del propio algoritmo. Depende de esa suposición.
3. Amortizado: el coste total de una secuencia de m operaciones en el peor caso, dividido entre m. No usa probabilidades: es una garantía para cualquier secuencia, aunque alguna operación aislada sea cara.

Complejidad: quicksort es O(n²) en el peor caso y O(n log n) en promedio; buscar en una tabla hash, O(n) en el peor caso y O(1) en promedio; `append` en un arreglo dinámico, O(n) en el peor caso individual y O(1) amortizado.

Error común: confundir amortizado con promedio. "O(1) amortizado" asegura que n `append` cuestan O(n) siempre; "O(1) en promedio" en una tabla hash puede fallar si las claves colisionan.

Ejemplo: un servidor con un límite estricto de latencia por petición se preocupa por el peor caso individual; un proceso por lotes, por el total, y ahí le basta el coste amortizado.""",
    ]),
    ("basico", "complexity", [
        r"""¿Qué es la complejidad espacial? ¿Invertir una lista en su sitio usa menos memoria que crear una copia invertida?""",
        r"""La complejidad espacial mide cuánta memoria adicional necesita un algoritmo en función de n, sin contar normalmente la entrada. Incluye variables auxiliares, estructuras nuevas y la pila de recursión.

Comparemos:
1. Invertir en el sitio: dos índices, uno al principio y otro al final, que intercambian elementos y se acercan. Solo usa unas pocas variables: O(1) extra.
2. Copia invertida (`a[::-1]`): crea una lista nueva de n elementos: O(n) extra.

Complejidad: ambos métodos son O(n) en tiempo; en espacio extra, O(1) en el sitio frente a O(n) con la copia.

Error común: olvidar la pila de recursión; una función recursiva sin estructuras auxiliares puede usar O(n) de memoria si la profundidad es n.

Ejemplo:
```python
def invertir(a):
    i, j = 0, len(a) - 1
    while i < j:
        a[i], a[j] = a[j], a[i]
        i += 1
        j -= 1

a = [1, 2, 3, 4]
invertir(a)
print(a)  # [4, 3, 2, 1]
```
Si necesitas conservar la lista original, la copia es la opción correcta; si no, invertir en el sitio ahorra memoria.""",
    ]),
    ("intermedio", "complexity", [
        r"""¿Qué complejidad total tiene este algoritmo?

```python
def pares_que_suman(a, objetivo):
    a = sorted(a)
    res = 0
    for x in a:
        if busqueda_binaria(a, objetivo - x):
            res += 1
    return res
```""",
        r"""Analiza cada fase por separado y súmalas.

1. `sorted(a)`: O(n log n) en tiempo y O(n) en espacio para la copia.
2. El bucle: n vueltas, y en cada una una búsqueda binaria de O(log n). Total O(n log n).
3. Fases consecutivas se suman: O(n log n) + O(n log n) = O(n log n).

Complejidad: O(n log n) en tiempo y O(n) en espacio.

Error común: multiplicar las fases porque "hay que ordenar y luego buscar"; solo se multiplica lo que está anidado. O(n log n) · O(n log n) sería un error.

Ejemplo con n = 10^6: unas 2 · 10^7 operaciones para ordenar y otras tantas para buscar, del orden de 4 · 10^7 en total. Una versión con dos bucles anidados haría unas 10^12.

Un detalle de corrección, aparte de la complejidad: si `objetivo - x == x`, la búsqueda encuentra el propio x, y además cada par se cuenta dos veces (una desde cada extremo). Conviene revisarlo según lo que pida el problema.""",
    ]),
    ("avanzado", "complexity", [
        r"""¿Cuál es la complejidad de T(n) = 3T(n/2) + n?""",
        r"""Aplica el teorema maestro con a = 3, b = 2 y f(n) = n.

1. Calcula n^(log_b a) = n^(log_2 3) ≈ n^1,585.
2. Compara con f(n) = n = n^1. Como 1 < 1,585, f crece polinómicamente más despacio.
3. Es el caso 1: dominan las hojas y T(n) = Θ(n^(log_2 3)).

Comprobación con el árbol de recursión: en el nivel k hay 3^k subproblemas de tamaño n/2^k, con trabajo total n · (3/2)^k. Ese trabajo crece en cada nivel, así que el último, con 3^(log_2 n) = n^(log_2 3) hojas, domina la suma.

Complejidad: Θ(n^(log_2 3)) ≈ Θ(n^1,585) en tiempo, y O(log n) de profundidad de recursión. Es la recurrencia del algoritmo de Karatsuba para multiplicar números de n cifras.

Error común: responder O(n log n) por analogía con merge sort; con 3 subproblemas en lugar de 2, el trabajo crece en cada nivel en vez de mantenerse.

Ejemplo con n = 1024: el último nivel tiene 3^10 = 59 049 hojas, mientras que n log2 n = 10 240. La multiplicación escolar, O(n²), haría 1 048 576 productos de cifras.""",
    ]),
]
