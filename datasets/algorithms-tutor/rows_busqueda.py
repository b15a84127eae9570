"""Filas del tema "busqueda". Cada fila: (nivel, categoría, [turnos])."""

TOPIC = "busqueda"

ROWS = [
    ("basico", "definition", [
        r"""¿Qué es la búsqueda lineal?""",
        r"""La búsqueda lineal revisa los elementos uno por uno hasta encontrar el que buscas o llegar al final.

1. Empieza en el índice 0.
2. Compara el elemento actual con el valor buscado.
3. Si coincide, devuelve su índice.
4. Si no, avanza al siguiente.
5. Si terminas la lista sin encontrarlo, devuelve -1 (o `None`).

Su gran ventaja es que funciona con cualquier lista, esté ordenada o no, y con estructuras que solo se pueden recorrer en orden, como una lista enlazada.

Complejidad: O(n) en tiempo en el peor caso y en promedio, O(1) en el mejor caso (el elemento está al principio); O(1) en espacio extra.

Error común: usar `lista.index(x)` sin comprobar antes que `x` existe; si no está, lanza `ValueError` en lugar de devolver -1.

Ejemplo:
```python
def busqueda_lineal(a, x):
    for i, valor in enumerate(a):
        if valor == x:
            return i
    return -1

print(busqueda_lineal([7, 3, 9], 9))  # 2
print(busqueda_lineal([7, 3, 9], 4))  # -1
```""",
    ]),
    ("basico", "definition", [
        r"""¿Qué es la búsqueda binaria y qué necesito para poder usarla?""",
        r"""La búsqueda binaria encuentra un valor en una lista ordenada descartando la mitad de los candidatos en cada paso.

Requisitos: la lista debe estar ordenada y debes poder acceder a cualquier posición en tiempo constante (un arreglo o una lista de Python, no una lista enlazada).

Pasos:
1. Mantén dos límites, `lo` y `hi`, que encierran la zona donde aún puede estar el valor.
2. Mira el elemento central `mid = (lo + hi) // 2`.
3. Si es el buscado, termina. Si es menor, el valor solo puede estar a la derecha: `lo = mid + 1`. Si es mayor, a la izquierda: `hi = mid - 1`.
4. Si `lo > hi`, la zona está vacía y el valor no está.

Complejidad: O(log n) en tiempo y O(1) en espacio en la versión iterativa.

Error común: aplicarla a una lista sin ordenar; no da error, simplemente devuelve respuestas incorrectas.

Ejemplo:
```python
def binaria(a, x):
    lo, hi = 0, len(a) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if a[mid] == x:
            return mid
        if a[mid] < x:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1
```""",
    ]),
    ("intermedio", "definition", [
        r"""¿Qué hace `bisect_left` del módulo bisect y en qué se diferencia de una búsqueda binaria normal?""",
        r"""`bisect_left(a, x)` no responde "¿está x?", sino "¿en qué posición insertaría x para que `a` siga ordenada?". Si hay valores iguales a x, devuelve la posición más a la izquierda.

1. Resultado: el índice del primer elemento mayor o igual que x (lo que se suele llamar lower bound).
2. Siempre devuelve un número entre 0 y `len(a)`, nunca -1.
3. `bisect_right` devuelve el índice del primer elemento estrictamente mayor que x.
4. Con ambos puedes contar apariciones: `bisect_right(a, x) - bisect_left(a, x)`.

Complejidad: O(log n) en tiempo y O(1) en espacio, igual que la búsqueda binaria clásica.

Error común: suponer que en el índice devuelto está x. Hay que comprobar `i < len(a) and a[i] == x` antes de usarlo.

Ejemplo:
```python
from bisect import bisect_left, bisect_right

a = [1, 3, 3, 3, 8]
print(bisect_left(a, 3))   # 1
print(bisect_right(a, 3))  # 4, luego hay 3 treses
i = bisect_left(a, 5)
print(i, i < len(a) and a[i] == 5)  # 4 False: el 5 no está
```""",
    ]),
    ("avanzado", "definition", [
        r"""¿Qué es la búsqueda binaria sobre la respuesta?""",
        r"""Es aplicar búsqueda binaria sobre el rango de valores posibles de la respuesta, no sobre una lista.

Funciona si hay un predicado monótono: si un valor C es válido, todos los mayores también lo son. Los candidatos forman entonces una secuencia "no, ..., no, sí, ..., sí" y buscas el primer "sí".

Pasos:
1. Fija un rango [lo, hi] que seguro contiene la respuesta.
2. Escribe `es_valido(C)`, que comprueba un candidato.
3. Si `es_valido(mid)`, haz `hi = mid`; si no, `lo = mid + 1`.

Problema típico: repartir paquetes, en orden, en D días con la menor capacidad diaria C. Con un C dado simulas el reparto en O(n); si C sirve, cualquier capacidad mayor también.

Complejidad: O(n · log S) en tiempo, donde S es el tamaño del rango de respuestas, y O(1) en espacio extra.

Error común: aplicarla con un predicado no monótono; se descartan mitades que contenían la respuesta.

Ejemplo con pesos [3, 2, 2, 4] y D = 2. El rango es [4, 11] (el paquete más pesado y la suma total):
1. mid = 7: sirve ([3, 2, 2] y [4]), hi = 7.
2. mid = 5: no sirve, necesita 3 días ([3, 2], [2], [4]), lo = 6.
3. mid = 6: sirve ([3, 2] y [2, 4]), hi = 6. Respuesta: 6.""",
    ]),
    ("basico", "example", [
        r"""Haz la traza de una búsqueda binaria buscando 9 en [1, 3, 5, 7, 9, 11, 13].""",
        r"""Usamos índices de 0 a 6 y `mid = (lo + hi) // 2`.

1. lo = 0, hi = 6, mid = 3. a[3] = 7 < 9: el 9 está a la derecha, lo = 4.
2. lo = 4, hi = 6, mid = 5. a[5] = 11 > 9: está a la izquierda, hi = 4.
3. lo = 4, hi = 4, mid = 4. a[4] = 9: encontrado en el índice 4.

Bastaron 3 comparaciones para 7 elementos; una búsqueda lineal habría necesitado 5.

Complejidad: O(log n) en tiempo, porque cada paso reduce a la mitad la zona de búsqueda, y O(1) en espacio.

Error común: actualizar con `lo = mid` o `hi = mid` en esta versión con `while lo <= hi`; el centro ya se descartó y el bucle puede no avanzar.

Ejemplo de la regla: si el centro es menor que x, `lo = mid + 1`; si es mayor, `hi = mid - 1`.""",
        r"""¿Y qué pasa si busco el 4, que no está en la lista?""",
        r"""La búsqueda sigue reduciendo la zona hasta que queda vacía.

1. mid = 3: a[3] = 7 > 4, así que hi = 2.
2. mid = 1: a[1] = 3 < 4, así que lo = 2.
3. mid = 2: a[2] = 5 > 4, así que hi = 1.
4. Ahora lo = 2 > hi = 1: la zona está vacía y se devuelve -1.

Al terminar, `lo` vale 2, que es justo la posición donde insertarías el 4 para mantener el orden (lo mismo que devuelve `bisect_left`).

Complejidad: también O(log n) en tiempo y O(1) en espacio; aquí bastaron 3 comparaciones.

Error común: usar `while lo < hi` con estas actualizaciones; cuando lo == hi queda un elemento sin revisar.

Ejemplo: `a.insert(2, 4)` deja la lista como [1, 3, 4, 5, 7, 9, 11, 13], todavía ordenada.""",
    ]),
    ("intermedio", "example", [
        r"""¿Cómo encuentro la primera aparición de un número en una lista ordenada con repetidos, por ejemplo el 4 en [1, 4, 4, 4, 6]?""",
        r"""Haz una búsqueda binaria normal, pero cuando encuentres el valor no pares: guarda el índice y sigue buscando a la izquierda.

Traza con lo = 0, hi = 4 y `res = -1`:
1. mid = 2, a[2] = 4. Coincide: res = 2 y seguimos a la izquierda, hi = 1.
2. mid = 0, a[0] = 1 < 4: lo = 1.
3. mid = 1, a[1] = 4. Coincide: res = 1 y hi = 0.
4. lo = 1 > hi = 0: termina. La primera aparición está en el índice 1.

Complejidad: O(log n) en tiempo y O(1) en espacio, incluso si todos los elementos son iguales.

Error común: encontrar el valor y luego retroceder con un bucle lineal hasta el primero; con muchos repetidos eso degrada el algoritmo a O(n).

Ejemplo en código:
```python
def primera(a, x):
    lo, hi, res = 0, len(a) - 1, -1
    while lo <= hi:
        mid = (lo + hi) // 2
        if a[mid] == x:
            res = mid
            hi = mid - 1
        elif a[mid] < x:
            lo = mid + 1
        else:
            hi = mid - 1
    return res

print(primera([1, 4, 4, 4, 6], 4))  # 1
```""",
    ]),
    ("avanzado", "example", [
        r"""¿Cómo busco un valor en un arreglo ordenado que ha sido rotado, como [6, 7, 9, 1, 3, 4], en tiempo logarítmico?""",
        r"""Aunque el arreglo no está ordenado, al menos una de las dos mitades alrededor de `mid` sí lo está (con valores distintos).

Pasos:
1. Calcula `mid`. Si `a[mid]` es el valor, termina.
2. Si `a[lo] <= a[mid]`, la mitad izquierda está ordenada. Si x cae en [a[lo], a[mid]), busca ahí; si no, a la derecha.
3. Si no, la mitad derecha está ordenada. Si x cae en (a[mid], a[hi]], busca ahí; si no, a la izquierda.

Traza buscando 3:
1. mid = 2, a[2] = 9. La izquierda [6, 7, 9] está ordenada y 3 no está en [6, 9): lo = 3.
2. mid = 4, a[4] = 3. Encontrado.

Complejidad: O(log n) en tiempo y O(1) en espacio con valores distintos; con repetidos el peor caso sube a O(n).

Error común: buscar el punto de rotación con un recorrido lineal, que ya cuesta O(n).

Ejemplo en código:
```python
def buscar_rotado(a, x):
    lo, hi = 0, len(a) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if a[mid] == x:
            return mid
        if a[lo] <= a[mid]:
            if a[lo] <= x < a[mid]:
                hi = mid - 1
            else:
                lo = mid + 1
        elif a[mid] < x <= a[hi]:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1
```""",
    ]),
    ("avanzado", "example", [
        r"""¿Cómo funciona la búsqueda ternaria para encontrar el máximo de una secuencia unimodal? Pon un ejemplo con [1, 3, 8, 12, 9, 4].""",
        r"""Una secuencia unimodal sube estrictamente hasta un máximo y luego baja. La búsqueda ternaria compara dos puntos interiores y descarta un tercio.

Pasos, con m1 = lo + (hi - lo) // 3 y m2 = hi - (hi - lo) // 3:
1. Si a[m1] < a[m2], el máximo no puede estar en [lo, m1]: lo = m1 + 1.
2. Si no, el máximo no puede estar en [m2, hi]: hi = m2 - 1.
3. Cuando quedan tres elementos o menos, revísalos directamente.

Ejemplo (traza):
1. lo = 0, hi = 5: m1 = 1, m2 = 4. a[1] = 3 < a[4] = 9, así que lo = 2.
2. lo = 2, hi = 5: m1 = 3, m2 = 4. a[3] = 12 > a[4] = 9, así que hi = 3.
3. Quedan los índices 2 y 3: el máximo es 12, en el índice 3.

Complejidad: O(log n) en tiempo, porque cada paso conserva dos tercios del rango; O(1) en espacio.

Error común: usarla con zonas planas; si a[m1] == a[m2] no se sabe qué tercio descartar.

Nota: en arreglos es más simple buscar binariamente el primer índice con `a[mid] > a[mid + 1]`; la ternaria brilla con funciones continuas, como maximizar f(x) = -(x - 2)² en [0, 5].""",
    ]),
    ("intermedio", "error_correction", [
        r"""Mi búsqueda binaria se queda colgada con `buscar([1, 3], 3)`. ¿Qué falla?

```python
def buscar(a, x):
    lo, hi = 0, len(a) - 1
    while lo < hi:
        mid = (lo + hi) // 2
        if a[mid] < x:
            lo = mid
        else:
            hi = mid
    return lo if a[lo] == x else -1
```""",
        r"""El problema está en `lo = mid`: cuando quedan dos elementos, el límite no avanza.

Traza:
1. lo = 0, hi = 1, mid = (0 + 1) // 2 = 0.
2. a[0] = 1 < 3, así que lo = mid = 0. Nada ha cambiado.
3. La siguiente iteración es idéntica: bucle infinito.

Como la división entera redondea hacia abajo, `mid` puede ser igual a `lo`. Si `a[mid] < x`, sabes que `mid` no es la respuesta, así que debes excluirlo con `lo = mid + 1`. La rama `hi = mid` es correcta, porque `a[mid]` podría ser el valor buscado.

Complejidad: la versión corregida es O(log n) en tiempo y O(1) en espacio; en cada iteración la zona [lo, hi] se reduce de verdad.

Error común: además, con una lista vacía `a[lo]` lanza `IndexError`; conviene comprobarlo antes.

Ejemplo corregido:
```python
def buscar(a, x):
    if not a:
        return -1
    lo, hi = 0, len(a) - 1
    while lo < hi:
        mid = (lo + hi) // 2
        if a[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo if a[lo] == x else -1

print(buscar([1, 3], 3))  # 1
```""",
    ]),
    ("basico", "error_correction", [
        r"""Mi búsqueda binaria lanza "TypeError: list indices must be integers or slices, not float". ¿Por qué?

```python
def binaria(a, x):
    lo, hi = 0, len(a) - 1
    while lo <= hi:
        mid = (lo + hi) / 2
        if a[mid] == x:
            return mid
        elif a[mid] < x:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1
```""",
        r"""El error está en la línea del punto medio.

1. En Python 3, el operador `/` siempre devuelve un número decimal (float), aunque la división sea exacta: `(0 + 4) / 2` vale `2.0`, no `2`.
2. Las listas solo aceptan índices enteros, así que `a[2.0]` lanza el `TypeError`.
3. La solución es usar la división entera `//`, que redondea hacia abajo y devuelve un `int`.

Complejidad: con la corrección, O(log n) en tiempo y O(1) en espacio.

Error común: "arreglarlo" con `int((lo + hi) / 2)`. Funciona con números pequeños, pero pasa por un float innecesariamente, y con enteros enormes pierde precisión. `//` es lo correcto.

Ejemplo corregido:
```python
def binaria(a, x):
    lo, hi = 0, len(a) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if a[mid] == x:
            return mid
        elif a[mid] < x:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1

print(binaria([2, 4, 6, 8], 6))  # 2
```""",
    ]),
    ("basico", "error_correction", [
        r"""`buscar([4, 8, 2], 8)` me devuelve -1 aunque el 8 está en la lista. ¿Qué hice mal?

```python
def buscar(lista, x):
    for i in range(len(lista)):
        if lista[i] == x:
            return i
        else:
            return -1
```""",
        r"""El `return -1` está dentro del bucle, así que la función termina en la primera vuelta.

Traza:
1. i = 0: lista[0] = 4, distinto de 8.
2. Entra en el `else` y ejecuta `return -1`. La función termina sin mirar el 8.

En una búsqueda lineal solo puedes afirmar que el valor no está después de revisar todos los elementos. Por eso el `return -1` va fuera del bucle, cuando este ha terminado sin encontrar nada.

Complejidad: la versión corregida es O(n) en tiempo en el peor caso y O(1) en espacio. La versión con el error era O(1), pero incorrecta.

Error común: poner un `else` junto a cada `if` por costumbre; en bucles de búsqueda, el caso "no encontrado" se decide al final.

Ejemplo corregido:
```python
def buscar(lista, x):
    for i in range(len(lista)):
        if lista[i] == x:
            return i
    return -1

print(buscar([4, 8, 2], 8))  # 1
print(buscar([4, 8, 2], 5))  # -1
```""",
    ]),
    ("avanzado", "error_correction", [
        r"""Calculo la raíz cuadrada con búsqueda binaria sobre números reales, pero con algunos valores el programa no termina nunca. ¿Por qué?

```python
def raiz(x):
    lo, hi = 0.0, max(1.0, x)
    while lo != hi:
        mid = (lo + hi) / 2
        if mid * mid < x:
            lo = mid
        else:
            hi = mid
    return lo
```""",
        r"""El problema es la condición `lo != hi` con números de coma flotante.

1. Los floats tienen precisión finita. Tras muchas iteraciones, `lo` y `hi` acaban siendo dos números representables consecutivos.
2. Entre ellos no existe ningún otro float, así que `(lo + hi) / 2` se redondea a `lo` o a `hi`.
3. Si el redondeo da `lo` y `mid * mid < x`, entonces `lo = mid` no cambia nada; lo mismo pasa con `hi`. Los límites dejan de moverse y el bucle no termina.

Corrección: haz un número fijo de iteraciones. Cada una divide el intervalo entre 2, así que 100 iteraciones lo reducen en un factor 2^100, precisión más que suficiente para valores normales.

Complejidad: O(k) en tiempo para k iteraciones (aquí k = 100, constante) y O(1) en espacio. Para precisión ε sobre un intervalo de ancho W hacen falta unas log2(W / ε) iteraciones.

Error común: usar `while hi - lo > 1e-12`; con x grande la separación mínima entre floats supera 1e-12 y vuelve a colgarse.

Ejemplo corregido:
```python
def raiz(x):
    lo, hi = 0.0, max(1.0, x)
    for _ in range(100):
        mid = (lo + hi) / 2
        if mid * mid < x:
            lo = mid
        else:
            hi = mid
    return hi

print(round(raiz(2), 6))  # 1.414214
```""",
    ]),
    ("basico", "comparison", [
        r"""¿Cuándo conviene usar búsqueda lineal y cuándo búsqueda binaria?""",
        r"""Depende de si los datos están ordenados y de cuántas búsquedas vas a hacer.

Búsqueda lineal:
1. Funciona con datos desordenados y con estructuras que solo se recorren en orden.
2. Es la opción sensata para listas pequeñas o para una única búsqueda.

Búsqueda binaria:
1. Exige datos ordenados y acceso por índice.
2. Es muchísimo más rápida con muchos datos.
3. Si los datos no están ordenados, ordenarlos cuesta O(n log n), lo que solo compensa si vas a buscar muchas veces.

Complejidad: lineal, O(n) en tiempo; binaria, O(log n) en tiempo; ambas O(1) en espacio extra (versión iterativa).

Error común: ordenar la lista para hacer una sola búsqueda binaria; pagas O(n log n) para ahorrar un O(n), y sale más caro.

Ejemplo con un millón de elementos ordenados:
- Lineal: hasta 1 000 000 de comparaciones.
- Binaria: como mucho unas 20, porque 2^20 ≈ 1 000 000.

Si los datos llegan desordenados y solo preguntas una vez, la lineal gana; si preguntas miles de veces, ordena una vez y usa la binaria.""",
    ]),
    ("intermedio", "comparison", [
        r"""¿Es mejor escribir la búsqueda binaria de forma iterativa o recursiva?""",
        r"""Las dos hacen exactamente las mismas comparaciones; la diferencia está en la memoria y en la robustez.

Versión iterativa:
1. Un bucle `while` actualiza `lo` y `hi`.
2. No crea marcos de pila adicionales.
3. Es la forma habitual en Python, que no optimiza la recursión de cola.

Versión recursiva:
1. Cada llamada recibe los nuevos límites.
2. Suele leerse de forma muy parecida a la definición del algoritmo.
3. La profundidad es de unas log2 n llamadas, así que no hay riesgo real de superar el límite de recursión, pero cada llamada tiene su coste.

Complejidad: ambas son O(log n) en tiempo; la iterativa usa O(1) de espacio y la recursiva O(log n) por la pila.

Error común: escribir la versión recursiva pasando trozos de la lista (`a[mid + 1:]`). Cada rebanada copia elementos, lo que cuesta O(n) en total, y además pierdes los índices originales.

Ejemplo recursivo correcto, con índices:
```python
def binaria_rec(a, x, lo, hi):
    if lo > hi:
        return -1
    mid = (lo + hi) // 2
    if a[mid] == x:
        return mid
    if a[mid] < x:
        return binaria_rec(a, x, mid + 1, hi)
    return binaria_rec(a, x, lo, mid - 1)
```""",
    ]),
    ("avanzado", "comparison", [
        r"""¿Qué diferencia hay entre la búsqueda por interpolación y la búsqueda binaria?""",
        r"""Ambas trabajan sobre datos ordenados, pero eligen de forma distinta el punto que miran.

1. Binaria: mira siempre el centro del rango, sin tener en cuenta los valores.
2. Interpolación: estima dónde debería estar x suponiendo que los valores crecen de forma aproximadamente lineal: `pos = lo + (x - a[lo]) * (hi - lo) // (a[hi] - a[lo])`.
3. Con datos repartidos de forma uniforme, la estimación cae muy cerca y el número de pasos es mucho menor.
4. Con datos muy sesgados (por ejemplo, crecimiento exponencial), la estimación se equivoca mucho y avanza de poco en poco.

Complejidad: interpolación, O(log log n) en promedio con datos uniformes y O(n) en el peor caso; binaria, O(log n) siempre. Ambas usan O(1) de espacio.

Error común: no controlar el caso `a[hi] == a[lo]`, que provoca una división entre cero, ni comprobar que x está entre a[lo] y a[hi] antes de interpolar.

Ejemplo: con a = [10, 20, 30, ..., 100] (10 elementos) y x = 70:
pos = 0 + (70 - 10) · 9 // (100 - 10) = 540 // 90 = 6, y a[6] = 70. Un solo intento, frente a los 3 o 4 de la binaria.""",
    ]),
    ("intermedio", "complexity", [
        r"""¿Por qué la búsqueda binaria es O(log n)?""",
        r"""Porque en cada paso el número de candidatos se reduce, como mínimo, a la mitad.

1. Al principio hay n candidatos.
2. Tras una comparación quedan como mucho n/2; tras dos, n/4; tras k, n/2^k.
3. El proceso termina cuando queda un solo candidato (o ninguno): n/2^k = 1, es decir, k = log2 n.
4. Por tanto el número de comparaciones en el peor caso es aproximadamente log2 n, más una.

Complejidad: O(log n) en tiempo; O(1) en espacio en la versión iterativa y O(log n) en la recursiva por la pila de llamadas.

Error común: preocuparse por la base del logaritmo. log2 n y log10 n solo se diferencian en un factor constante, así que en notación O se escribe simplemente log n.

Ejemplo: con n = 1024 elementos, los candidatos pasan por 1024, 512, 256, 128, 64, 32, 16, 8, 4, 2 y 1: diez divisiones, así que como mucho 11 comparaciones. Si duplicas los datos a 2048, solo añades una comparación más.""",
    ]),
    ("intermedio", "complexity", [
        r"""Tengo n números y k consultas de pertenencia. ¿Me conviene ordenar primero y luego usar búsqueda binaria?""",
        r"""Compara el coste total de cada estrategia.

1. k búsquedas lineales: cada una cuesta O(n), en total O(k·n).
2. Ordenar una vez y hacer k búsquedas binarias: O(n log n) para ordenar más O(k log n) para las consultas, en total O((n + k) log n).
3. Meter los números en un `set`: O(n) para construirlo y O(1) en promedio por consulta, en total O(n + k) en promedio.

Ordenar compensa frente a la búsqueda lineal cuando k es mayor que unas pocas veces log n. Si solo necesitas saber si un valor está, el `set` suele ser la mejor opción; la lista ordenada gana si además quieres el anterior, el siguiente o los valores de un rango.

Complejidad: ordenar + binaria, O((n + k) log n) en tiempo y O(n) en espacio si ordenas una copia; lineal, O(k·n) en tiempo y O(1) en espacio.

Error común: ordenar dentro del bucle de consultas, con lo que pagas O(n log n) en cada una.

Ejemplo con n = 100 000 y k = 10 000 (log2 n ≈ 17):
- Lineal: hasta 10^9 comparaciones.
- Ordenar + binaria: unas 1,7·10^6 + 1,7·10^5 operaciones.""",
    ]),
    ("avanzado", "complexity", [
        r"""¿Cuál es la complejidad de buscar un valor en una matriz m×n cuyas filas y columnas están ordenadas de forma creciente?""",
        r"""Con la técnica de la escalera basta O(m + n).

1. Empieza en la esquina superior derecha.
2. Si el valor actual es mayor que x, toda su columna hacia abajo también lo es: muévete a la izquierda.
3. Si es menor que x, toda su fila hacia la izquierda también lo es: baja una fila.
4. Si coincide, lo encontraste. Si sales de la matriz, no está.

Cada paso elimina una fila o una columna, así que como mucho hay m + n pasos.

Complejidad: O(m + n) en tiempo y O(1) en espacio. Una alternativa es una búsqueda binaria por fila, O(m log n), que solo gana si m es mucho menor que n.

Error común: tratar la matriz como una lista ordenada aplanada. Eso solo es válido si además cada fila empieza después de donde terminó la anterior, que aquí no se garantiza.

Ejemplo buscando 5 en:
```
1 4 7
2 5 8
3 6 9
```
1. (0, 2) = 7 > 5: izquierda.
2. (0, 1) = 4 < 5: abajo.
3. (1, 1) = 5: encontrado en 3 pasos.""",
    ]),
]
