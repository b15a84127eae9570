"""Filas del tema "backtracking". Cada fila: (nivel, categoría, [turnos])."""

TOPIC = "backtracking"

ROWS = [
    ("basico", "definition", [
        r"""¿Qué es el backtracking?""",
        r"""El backtracking construye una solución paso a paso y, cuando una elección lleva a un callejón sin salida, la deshace y prueba la siguiente. Es una búsqueda en profundidad sobre el árbol de decisiones.

El patrón tiene tres pasos que se repiten en cada nivel:
1. Elegir: añade una opción a la solución parcial.
2. Explorar: llama recursivamente para decidir el resto.
3. Deshacer: quita la opción para dejar el estado como estaba y probar la siguiente.

Cuando la solución parcial está completa, se guarda (o se cuenta) y se vuelve atrás.

Complejidad: suele ser exponencial. Si hay b opciones por nivel y d niveles, el árbol tiene hasta O(b^d) nodos; el espacio extra es O(d) por la recursión y la solución parcial.

Error común: olvidar el paso de deshacer; las elecciones de una rama "contaminan" a las siguientes.

Ejemplo: todas las cadenas binarias de longitud n.
```python
def binarias(n):
    res, actual = [], []
    def bt():
        if len(actual) == n:
            res.append("".join(actual))
            return
        for d in "01":
            actual.append(d)   # elegir
            bt()               # explorar
            actual.pop()       # deshacer
    bt()
    return res

print(binarias(2))  # ['00', '01', '10', '11']
```""",
    ]),
    ("basico", "definition", [
        r"""En backtracking, ¿cómo escribo bien el caso base para saber que una solución ya está completa?""",
        r"""En cada llamada recursiva hay que hacerse dos preguntas, en este orden:

1. ¿La solución parcial ya es completa? Es el caso base: guárdala (haciendo una copia) y vuelve con `return`.
2. ¿Puede esta solución parcial llegar a ser válida? Si ya viola una restricción, o no quedan elementos suficientes para completarla, vuelve sin explorar más. Esto es la poda.
3. Si ninguna de las dos se cumple, sigue eligiendo opciones.

Complejidad: la prueba del caso base suele ser O(1), pero la copia de cada solución encontrada cuesta O(longitud). Por ejemplo, generar las combinaciones de k elementos de n cuesta O(k · C(n, k)) en total, con O(k) de espacio extra.

Error común: no hacer `return` después de guardar una solución; el código sigue añadiendo elementos a algo que ya estaba completo, lo que genera resultados de más o errores de índice.

Ejemplo: combinaciones de tamaño k del rango 1..n.
```python
def combinaciones(n, k):
    res, actual = [], []
    def bt(inicio):
        if len(actual) == k:           # completa
            res.append(actual[:])
            return
        if len(actual) + (n - inicio + 1) < k:
            return                     # no quedan suficientes
        for x in range(inicio, n + 1):
            actual.append(x)
            bt(x + 1)
            actual.pop()
    bt(1)
    return res

print(combinaciones(4, 2))  # [[1, 2], [1, 3], [1, 4], [2, 3], [2, 4], [3, 4]]
```""",
    ]),
    ("intermedio", "definition", [
        r"""¿Qué es la poda en backtracking y por qué es tan importante?""",
        r"""Podar es abandonar una rama del árbol de búsqueda en cuanto se sabe que no puede llevar a una solución válida (o mejor que la que ya tienes). Cada rama podada elimina de golpe todo su subárbol, que puede ser exponencial.

Tipos habituales:
1. Poda por factibilidad: la solución parcial ya incumple una restricción (dos reinas que se atacan, una suma que se pasa del objetivo).
2. Poda por cota: en optimización, una estimación optimista de lo que aún puedes conseguir no supera a la mejor solución encontrada.

Complejidad: la poda no suele cambiar la cota del peor caso (sigue siendo exponencial), pero reduce muchísimo los nodos visitados en la práctica. El espacio extra sigue siendo O(profundidad).

Error común: podar con una condición que no es segura; por ejemplo, cortar cuando la suma supera el objetivo si hay números negativos, que aún podrían bajarla.

Ejemplo: subconjuntos de números positivos que suman un objetivo. Si los ordenas, en cuanto un número se pasa, todos los siguientes también, y puedes cortar el bucle con `break`.
```python
def suma_objetivo(nums, objetivo):
    nums.sort()
    res, actual = [], []
    def bt(i, resto):
        if resto == 0:
            res.append(actual[:])
            return
        for j in range(i, len(nums)):
            if nums[j] > resto:
                break              # poda
            actual.append(nums[j])
            bt(j + 1, resto - nums[j])
            actual.pop()
    bt(0, objetivo)
    return res
```""",
    ]),
    ("avanzado", "definition", [
        r"""¿Qué es la heurística MRV y cómo ayuda al resolver un sudoku con backtracking?""",
        r"""MRV significa "mínimos valores restantes": en cada paso, en lugar de rellenar las casillas en orden, eliges la casilla vacía con menos candidatos posibles.

1. Para cada casilla vacía, los candidatos son los dígitos que no aparecen en su fila, su columna ni su caja de 3 × 3.
2. Si alguna casilla tiene 0 candidatos, la rama es imposible: se vuelve atrás enseguida.
3. Si tiene 1, la elección es forzada y no ramifica.
4. Si tiene varios, se prueban; cuantos menos haya, menor es el factor de ramificación.

La idea es "fallar cuanto antes": los errores se descubren cerca de la raíz del árbol, donde podar ahorra más.

Para que calcular candidatos sea barato, mantén conjuntos de dígitos usados por fila, columna y caja; comprobar un dígito cuesta O(1).

Complejidad: el peor caso sigue siendo exponencial, O(9^m) con m casillas vacías, y elegir la casilla cuesta O(m) por paso; el espacio es O(m) por la recursión. En la práctica, MRV reduce los nodos explorados en varios órdenes de magnitud.

Error común: actualizar los conjuntos al colocar un dígito y olvidar restaurarlos al deshacer.

Ejemplo de la elección de casilla:
```python
def elegir_casilla(vacias, candidatos):
    return min(vacias, key=lambda c: len(candidatos(c)))
```""",
    ]),
    ("basico", "example", [
        r"""Muéstrame cómo generar todos los subconjuntos de [1, 2, 3] con backtracking.""",
        r"""Para cada elemento decides si entra o no en el subconjunto. Eso forma un árbol binario de decisiones de profundidad n.

```python
def subconjuntos(nums):
    res, actual = [], []
    def bt(i):
        if i == len(nums):
            res.append(actual[:])
            return
        actual.append(nums[i])   # incluir
        bt(i + 1)
        actual.pop()             # deshacer
        bt(i + 1)                # excluir
    bt(0)
    return res
```

Ejemplo de salida, en el orden en que se generan: [1, 2, 3], [1, 2], [1, 3], [1], [2, 3], [2], [3], []. Son 2³ = 8.

Complejidad: O(n · 2^n) en tiempo, porque hay 2^n subconjuntos y copiar cada uno cuesta O(n); O(n) de espacio extra sin contar la salida.

Error común: guardar `actual` sin copiarlo; todas las entradas del resultado serían la misma lista, vacía al final.""",
        r"""¿Y si solo quiero los subconjuntos de tamaño 2?""",
        r"""Añade el tamaño como condición de parada y poda las ramas que no pueden llegar a él.

1. Si `actual` ya tiene k elementos, guárdalo y vuelve.
2. Si lo que llevas más lo que queda por decidir no llega a k, vuelve sin explorar.

Complejidad: O(k · C(n, k)) en tiempo para generar y copiar las soluciones, más el coste de las ramas podadas; O(n) de espacio extra.

Error común: generar los 2^n subconjuntos y filtrar al final; funciona, pero explora muchas ramas inútiles.

Ejemplo con [1, 2, 3] y k = 2, que da [1, 2], [1, 3] y [2, 3]:
```python
def de_tamano(nums, k):
    res, actual = [], []
    def bt(i):
        if len(actual) == k:
            res.append(actual[:])
            return
        if len(actual) + len(nums) - i < k:
            return
        actual.append(nums[i])
        bt(i + 1)
        actual.pop()
        bt(i + 1)
    bt(0)
    return res
```""",
    ]),
    ("intermedio", "example", [
        r"""¿Cómo genero todas las permutaciones de "abc" con backtracking?""",
        r"""En cada posición pruebas cada carácter que todavía no hayas usado.

1. Mantén la permutación parcial y un arreglo `usado`.
2. Si la permutación tiene n caracteres, guárdala.
3. Si no, para cada índice i no usado: márcalo, añade el carácter, explora y luego deshaz ambas cosas.

Traza resumida para "abc":
- Primera posición "a": quedan "b" y "c", que dan "abc" y "acb".
- Primera posición "b": "bac" y "bca".
- Primera posición "c": "cab" y "cba".
En total 3! = 6 permutaciones.

Complejidad: O(n · n!) en tiempo, porque hay n! permutaciones y construir cada una cuesta O(n); O(n) de espacio extra sin contar la salida.

Error común: con caracteres repetidos, como "aab", salen permutaciones duplicadas. Ordena la entrada y salta un carácter si es igual al anterior y el anterior no está usado.

Ejemplo:
```python
def permutaciones(s):
    res, actual, usado = [], [], [False] * len(s)
    def bt():
        if len(actual) == len(s):
            res.append("".join(actual))
            return
        for i, c in enumerate(s):
            if not usado[i]:
                usado[i] = True
                actual.append(c)
                bt()
                actual.pop()
                usado[i] = False
    bt()
    return res

print(permutaciones("abc"))  # ['abc', 'acb', 'bac', 'bca', 'cab', 'cba']
```""",
    ]),
    ("avanzado", "example", [
        r"""Resuelve el problema de las 4 reinas paso a paso con backtracking.""",
        r"""Una reina por fila, probando columnas de izquierda a derecha. La casilla (f, c) es segura si ninguna reina anterior comparte columna, f - c ni f + c. Numeramos desde 0.

Ejemplo (traza):
1. Fila 0 en columna 0.
2. Fila 1: col 0 misma columna, col 1 diagonal; col 2 es segura.
3. Fila 2: col 0 y col 2 ocupadas, col 1 y col 3 en diagonal con (1, 2). Sin salida: se vuelve atrás.
4. Fila 1 en col 3. Fila 2: col 1 es segura.
5. Fila 3: col 0, 1 y 3 ocupadas, col 2 en diagonal con (2, 1). Sin salida.
6. Fila 2 no tiene más opciones, fila 1 tampoco: se vuelve a la fila 0.
7. Fila 0 en columna 1. Fila 1: col 3 es la primera segura.
8. Fila 2: col 0 es segura. Fila 3: col 2 es segura.

Solución: columnas [1, 3, 0, 2]. Continuando la búsqueda aparece la otra, [2, 0, 3, 1].

Complejidad: el árbol tiene O(n!) nodos y cada uno prueba n columnas, así que O(n · n!) en tiempo como cota superior; O(n) en espacio. Con conjuntos de columnas y diagonales, cada casilla se comprueba en O(1).

Error común: comprobar solo las columnas y olvidar una de las dos diagonales.""",
    ]),
    ("avanzado", "example", [
        r"""Dados los candidatos [2, 3, 6, 7] y el objetivo 7, ¿cómo encuentro todas las combinaciones que suman 7 si puedo repetir números?""",
        r"""Backtracking con un índice de inicio, para no repetir combinaciones en otro orden.

1. Ordena los candidatos.
2. En cada llamada, prueba los candidatos desde `inicio` en adelante.
3. Al elegir el candidato j, llama recursivamente con `inicio = j` (no j + 1), porque puede repetirse.
4. Si el resto llega a 0, guarda la combinación; si un candidato supera el resto, corta el bucle (los siguientes son mayores).

Traza resumida:
- 2 → 2 → 2 deja resto 1: ningún candidato cabe, se vuelve atrás.
- 2 → 2 → 3 da resto 0: [2, 2, 3].
- 2 → 3 y 3 → 3 dejan restos en los que nada cabe.
- 7 da resto 0: [7].
Resultado: [[2, 2, 3], [7]].

Complejidad: exponencial en el peor caso, del orden de n^(T/m) nodos, con T el objetivo y m el menor candidato; O(T/m) de espacio por la profundidad de la recursión.

Error común: llamar con `inicio = 0` en cada nivel; aparecen [2, 2, 3], [2, 3, 2] y [3, 2, 2] como combinaciones distintas.

Ejemplo:
```python
def combinar(cands, objetivo):
    cands.sort()
    res, actual = [], []
    def bt(inicio, resto):
        if resto == 0:
            res.append(actual[:])
            return
        for j in range(inicio, len(cands)):
            if cands[j] > resto:
                break
            actual.append(cands[j])
            bt(j, resto - cands[j])
            actual.pop()
    bt(0, objetivo)
    return res
```""",
    ]),
    ("basico", "error_correction", [
        r"""Mi función de subconjuntos devuelve [[], [], [], [], [], [], [], []]. ¿Qué pasa?

```python
def subconjuntos(nums):
    res, actual = [], []
    def bt(i):
        if i == len(nums):
            res.append(actual)
            return
        actual.append(nums[i])
        bt(i + 1)
        actual.pop()
        bt(i + 1)
    bt(0)
    return res
```""",
        r"""Guardas la misma lista una y otra vez, no una copia.

1. `res.append(actual)` añade una referencia al objeto `actual`, no su contenido en ese momento.
2. Las 8 entradas de `res` apuntan a la misma lista.
3. Al terminar el backtracking, todos los `pop` la han vaciado, así que ves 8 listas vacías.

Corrección: guarda una copia con `actual[:]` o `list(actual)`.

Complejidad: con la copia, O(n · 2^n) en tiempo y O(n) de espacio extra, más la salida.

Error común: declarar `actual` como global para "arreglarlo"; el problema sigue siendo el mismo, porque es un único objeto.

Ejemplo corregido: cambia la línea por `res.append(actual[:])`. Con [1, 2] obtendrás [[1, 2], [1], [2], []].""",
        r"""¿Por qué la copia no empeora la complejidad?""",
        r"""Porque el coste de copiar ya está incluido en el tamaño de la respuesta.

1. La salida contiene 2^n subconjuntos, y en total suman n · 2^(n-1) elementos, porque cada elemento aparece en la mitad de ellos.
2. Cualquier algoritmo que devuelva todos los subconjuntos tiene que escribir esos elementos.
3. Copiar cada subconjunto cuesta lo mismo que su tamaño, así que el total de copias es proporcional al tamaño de la salida.

Complejidad: O(n · 2^n) en tiempo con o sin copia (sin copia el resultado sería incorrecto); espacio O(n · 2^n) para la salida y O(n) extra.

Error común: pensar que "sin copias sería O(2^n)" y que eso es mejor; sin copias el resultado es erróneo.

Ejemplo con n = 3: los tamaños son 0, 1, 1, 1, 2, 2, 2 y 3, que suman 12 = 3 · 2².""",
    ]),
    ("intermedio", "error_correction", [
        r"""Mi función de permutaciones solo devuelve ['abc'] para "abc". ¿Qué falta?

```python
def permutaciones(s):
    res, actual, usado = [], [], [False] * len(s)
    def bt():
        if len(actual) == len(s):
            res.append("".join(actual))
            return
        for i in range(len(s)):
            if not usado[i]:
                usado[i] = True
                actual.append(s[i])
                bt()
    bt()
    return res
```""",
        r"""Falta el paso de deshacer después de la llamada recursiva.

Traza:
1. Se elige "a", luego "b", luego "c": se guarda "abc".
2. Al volver al nivel de "b", el bucle sigue buscando, pero todos los índices siguen marcados como usados y `actual` sigue teniendo 3 letras.
3. Ningún nivel puede elegir nada más, así que solo se obtiene una permutación.

En backtracking, cada cambio que haces antes de explorar hay que revertirlo después: quitar el carácter de `actual` y desmarcar `usado[i]`.

Complejidad: con la corrección, O(n · n!) en tiempo y O(n) de espacio extra sin contar la salida.

Error común: deshacer solo una de las dos cosas; si quitas el carácter pero no desmarcas `usado[i]`, ese carácter nunca vuelve a estar disponible.

Ejemplo corregido:
```python
        for i in range(len(s)):
            if not usado[i]:
                usado[i] = True
                actual.append(s[i])
                bt()
                actual.pop()
                usado[i] = False
```
Ahora devuelve las 6 permutaciones.""",
    ]),
    ("intermedio", "error_correction", [
        r"""Mi programa de N reinas devuelve 24 soluciones para n = 4, pero deberían ser 2. Esta es mi comprobación; `cols[f]` es la columna de la reina de la fila f:

```python
def es_valida(cols, fila, col):
    return col not in cols
```""",
        r"""Solo compruebas las columnas y te olvidas de las diagonales.

1. Con una reina por fila y columnas distintas, cualquier permutación de las 4 columnas pasa la prueba: 4! = 24.
2. Dos reinas en (f1, c1) y (f2, c2) se atacan en diagonal si |f1 - f2| = |c1 - c2|.
3. Equivalente: comparten diagonal si tienen el mismo f - c o el mismo f + c.

Complejidad: esta comprobación cuesta O(n) por casilla; con conjuntos para columnas, f - c y f + c baja a O(1). La búsqueda completa queda acotada por O(n · n!) en tiempo (O(n!) nodos con n columnas cada uno), con O(n) de espacio.

Error común: comprobar solo una de las dos diagonales; para n = 4 seguirían saliendo soluciones de más.

Ejemplo corregido:
```python
def es_valida(cols, fila, col):
    for f, c in enumerate(cols):
        if c == col or abs(f - fila) == abs(c - col):
            return False
    return True
```
Con esta versión, n = 4 da exactamente [1, 3, 0, 2] y [2, 0, 3, 1].""",
    ]),
    ("avanzado", "error_correction", [
        r"""Quiero los subconjuntos sin repetidos de [1, 2, 2], pero mi código no devuelve [1, 2, 2] ni [2, 2]. ¿Por qué?

```python
def subconjuntos_unicos(nums):
    nums.sort()
    res, actual = [], []
    def bt(inicio):
        res.append(actual[:])
        for i in range(inicio, len(nums)):
            if i > 0 and nums[i] == nums[i - 1]:
                continue
            actual.append(nums[i])
            bt(i + 1)
            actual.pop()
    bt(0)
    return res
```""",
        r"""La condición para saltar duplicados es demasiado fuerte: usa `i > 0` y debería usar `i > inicio`.

La idea correcta: en un mismo nivel del árbol, no elegir dos veces el mismo valor como siguiente elemento. Pero sí se puede elegir un 2 en un nivel y otro 2 en el nivel siguiente.

Traza con `i > 0`:
1. Se elige el 1 y después el 2 del índice 1: [1, 2].
2. En el nivel siguiente (`inicio = 2`), el 2 del índice 2 se salta porque es igual a `nums[1]`. Se pierde [1, 2, 2].
3. Lo mismo pasa con [2, 2].

Con `i > inicio`, solo se saltan los repetidos que no son la primera opción de su nivel.

Complejidad: O(n · 2^n) en tiempo y O(n) de espacio extra, más la salida.

Error común: olvidar ordenar; los iguales deben quedar juntos para que la comparación con `nums[i - 1]` funcione.

Ejemplo corregido: cambia la condición por `if i > inicio and nums[i] == nums[i - 1]:`. El resultado es [[], [1], [1, 2], [1, 2, 2], [2], [2, 2]].""",
    ]),
    ("basico", "comparison", [
        r"""¿En qué se diferencia el backtracking de la fuerza bruta?""",
        r"""Los dos exploran el espacio de soluciones, pero de forma distinta.

Fuerza bruta:
1. Genera todos los candidatos completos.
2. Comprueba cada uno al final.
3. Nunca descarta nada antes de tiempo.

Backtracking:
1. Construye la solución paso a paso.
2. Comprueba las restricciones en cada paso.
3. En cuanto una solución parcial no puede ser válida, abandona toda esa rama.

Complejidad: en el peor caso ambos son exponenciales; el backtracking evita explorar los subárboles podados, lo que en la práctica suele reducir el trabajo en órdenes de magnitud. El backtracking usa O(profundidad) de espacio extra.

Error común: creer que el backtracking garantiza tiempo polinómico; la poda ayuda, pero no cambia la cota del peor caso.

Ejemplo con las 8 reinas:
- Fuerza bruta sobre cualquier colocación de 8 reinas en 64 casillas: C(64, 8) ≈ 4 400 millones de candidatos.
- Con una reina por fila y columnas distintas, 8! = 40 320 permutaciones.
- El backtracking descarta cada colocación parcial en cuanto dos reinas se atacan y visita muchos menos nodos para encontrar las 92 soluciones.""",
    ]),
    ("intermedio", "comparison", [
        r"""¿Cuándo uso backtracking y cuándo programación dinámica?""",
        r"""Depende de qué te piden y de si los subproblemas se repiten.

Backtracking:
1. Cuando hay que enumerar todas las soluciones (todas las permutaciones, todos los tableros válidos).
2. Cuando las restricciones dependen de toda la solución parcial y no se pueden resumir en un estado pequeño.

Programación dinámica:
1. Cuando hay que contar soluciones u optimizar (mínimo, máximo).
2. Cuando el resto del problema depende solo de un estado pequeño (índice, capacidad restante) y ese estado se repite muchas veces.

Complejidad: el backtracking suele ser exponencial, O(2^n) o peor; la PD cuesta (estados × transiciones), por ejemplo O(n · T).

Error común: usar backtracking para contar cuando hay una PD; contar subconjuntos que suman T con backtracking cuesta O(2^n), y con PD O(n · T).

Ejemplo con nums = [1, 2, 3, 4] y T = 5:
- "¿Cuántos subconjuntos suman 5?": PD con `dp[s] += dp[s - x]`, recorriendo s hacia atrás. Respuesta: 2.
- "¿Cuáles son?": backtracking, que devuelve [1, 4] y [2, 3]. Si la salida puede ser exponencial, enumerar requiere tiempo exponencial de todas formas.""",
    ]),
    ("avanzado", "comparison", [
        r"""¿Qué diferencia hay entre backtracking y ramificación y acotación (branch and bound)?""",
        r"""Ambos exploran un árbol de decisiones y podan ramas, pero con objetivos y criterios diferentes.

Backtracking:
1. Se usa sobre todo en problemas de satisfacción: encontrar una o todas las soluciones válidas.
2. Poda por factibilidad: la solución parcial ya viola una restricción.
3. Explora en profundidad (DFS).

Ramificación y acotación:
1. Se usa en optimización: encontrar la mejor solución.
2. Calcula para cada nodo una cota optimista de lo mejor que se puede conseguir desde ahí y poda si no supera a la mejor solución ya encontrada.
3. Puede explorar primero los nodos más prometedores con una cola de prioridad (best-first), no solo en profundidad.

Complejidad: ambos son exponenciales en el peor caso. El backtracking usa O(profundidad) de memoria; branch and bound con best-first puede guardar un número exponencial de nodos abiertos.

Error común: usar una cota que no es optimista (que subestima lo alcanzable en un problema de maximizar); se podan ramas que contenían el óptimo.

Ejemplo con la mochila 0/1: la cota de un nodo es su valor actual más el de la mochila fraccionaria con los objetos restantes (ordenados por valor/peso). Si esa cota no supera la mejor solución encontrada, el nodo se descarta sin explorarlo.""",
    ]),
    ("basico", "complexity", [
        r"""¿Cuántas llamadas recursivas hace un backtracking que decide incluir o excluir cada uno de n elementos?""",
        r"""El árbol de decisiones es un árbol binario completo de profundidad n.

1. La raíz es la llamada inicial, con 0 decisiones tomadas.
2. Cada llamada que aún no ha decidido todos los elementos hace exactamente dos llamadas: incluir y excluir.
3. En el nivel k hay 2^k llamadas, de k = 0 a n.
4. Total: 1 + 2 + 4 + ... + 2^n = 2^(n+1) - 1 llamadas, de las cuales 2^n son hojas (subconjuntos completos).

Complejidad: O(2^n) llamadas, cada una con trabajo O(1); si en cada hoja copias el subconjunto, el total es O(n · 2^n). El espacio extra es O(n) por la profundidad de la recursión.

Error común: contar solo las hojas y olvidar las llamadas internas; no cambia el orden, porque las internas son 2^n - 1, pero importa al contar con exactitud.

Ejemplo con n = 3: 1 + 2 + 4 + 8 = 15 llamadas y 8 subconjuntos. Con n = 20 son unos 2 millones de llamadas, algo que Python hace en un par de segundos; con n = 40 serían 2 · 10^12, inviable.""",
    ]),
    ("intermedio", "complexity", [
        r"""¿Cuál es la complejidad de generar todas las permutaciones de n elementos con backtracking?""",
        r"""Hay que contar las soluciones y el trabajo por nodo.

1. Hay n! permutaciones, y copiar o unir cada una cuesta O(n): solo escribir la salida ya es O(n · n!).
2. Nodos del árbol: en el nivel k hay n · (n - 1) · ... · (n - k + 1) nodos. La suma de todos los niveles es menor que e · n!, así que el número total de nodos es O(n!).
3. En cada nodo, el bucle revisa los n elementos para ver cuáles no están usados: O(n) por nodo.
4. Total: O(n!) nodos por O(n) cada uno = O(n · n!).

Complejidad: O(n · n!) en tiempo; O(n) de espacio extra (permutación parcial, arreglo de usados y pila), más O(n · n!) si guardas todas las permutaciones.

Error común: decir que es O(n!) a secas; falta el factor n de construir o copiar cada permutación.

Ejemplo de cómo crece:
- n = 8: 40 320 permutaciones, instantáneo.
- n = 10: 3 628 800, unos segundos en Python.
- n = 12: 479 001 600, ya muy lento y sin memoria para guardarlas todas.""",
    ]),
    ("avanzado", "complexity", [
        r"""¿Qué complejidad tiene resolver el problema de las N reinas con backtracking?""",
        r"""Lo útil es dar una cota superior y explicar por qué la real es mucho menor.

1. Si colocas una reina por fila sin ninguna otra restricción, hay n^n colocaciones.
2. Si además exiges columnas distintas, la fila 0 tiene n opciones, la fila 1 como mucho n - 1, etc. Sumando todos los niveles, el árbol tiene O(n!) nodos (menos de e · n!).
3. En cada nodo se prueban las n columnas; con conjuntos para columnas y diagonales, cada prueba es O(1). El tiempo total está acotado por O(n · n!), que suele resumirse como "del orden de n!".
4. La poda por diagonales elimina la gran mayoría de ramas, pero no se conoce una fórmula cerrada del número de nodos visitados.

Complejidad: O(n · n!) en tiempo como cota superior (un factor n más si compruebas cada casilla en O(n) recorriendo las reinas anteriores); O(n) en espacio para la posición de las reinas y la pila de recursión.

Error común: dar O(n^n) como complejidad; es una cota válida, pero muy holgada si ya impones una reina por columna.

Ejemplo con n = 8: 8^8 = 16 777 216 frente a 8! = 40 320 como cota; el backtracking real explora muchos menos nodos y encuentra las 92 soluciones en milisegundos.""",
    ]),
]
