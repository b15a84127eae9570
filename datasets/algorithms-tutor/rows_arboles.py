"""Filas del tema "arboles". Cada fila: (nivel, categoría, [turnos])."""

TOPIC = "arboles"

ROWS = [
    ("basico", "definition", [
        r"""¿Qué es un árbol binario de búsqueda?""",
        r"""Es un árbol binario en el que, para cada nodo, todos los valores de su subárbol izquierdo son menores que él y todos los del derecho, mayores.

1. Para buscar x, empieza en la raíz.
2. Si x es menor que el nodo, baja a la izquierda; si es mayor, a la derecha; si es igual, lo encontraste.
3. Si llegas a un hijo vacío, x no está.
4. Un recorrido inorden devuelve los valores ordenados.

Complejidad: buscar e insertar cuestan O(h), donde h es la altura: O(log n) si el árbol está equilibrado y O(n) si degenera. Ocupa O(n) en espacio.

Error común: comprobar la propiedad solo con los hijos directos; debe cumplirse con todo el subárbol.

Ejemplo:
```python
def buscar(nodo, x):
    while nodo and nodo.val != x:
        nodo = nodo.izq if x < nodo.val else nodo.der
    return nodo
```""",
        r"""¿Qué pasa si inserto los valores ya ordenados, por ejemplo 1, 2, 3, 4, 5?""",
        r"""El árbol degenera en una lista enlazada.

1. El 1 es la raíz.
2. El 2 es mayor: va a la derecha del 1.
3. El 3 es mayor que 1 y que 2: a la derecha del 2. Y así con los demás.
4. Resultado: cada nodo solo tiene hijo derecho y la altura es n - 1.

Complejidad: buscar pasa a costar O(n), e insertar los n valores cuesta 0 + 1 + ... + (n - 1), es decir, O(n²) en total.

Error común: dar por hecho que un BST siempre es O(log n); eso solo vale si está equilibrado.

Ejemplo de solución: usar un árbol autoequilibrado (AVL, rojo-negro) o, si tienes todos los datos de antemano, construir el árbol tomando la mediana como raíz de forma recursiva.""",
    ]),
    ("basico", "definition", [
        r"""¿Qué son los recorridos preorden, inorden y postorden de un árbol binario?""",
        r"""Son tres formas de visitar todos los nodos con DFS; cambian en qué momento se procesa el nodo respecto a sus hijos.

1. Preorden: nodo, subárbol izquierdo, subárbol derecho. Útil para copiar un árbol o serializarlo.
2. Inorden: izquierdo, nodo, derecho. En un BST da los valores ordenados.
3. Postorden: izquierdo, derecho, nodo. Útil cuando necesitas el resultado de los hijos antes que el del padre, como al calcular alturas o liberar memoria.

Complejidad: O(n) en tiempo, porque cada nodo se visita una vez, y O(h) en espacio por la pila de recursión, siendo h la altura.

Error común: confundir el orden, por ejemplo escribir el `print` antes de las llamadas recursivas cuando querías inorden.

Ejemplo con el árbol de raíz 4, hijo izquierdo 2 (con hijos 1 y 3) e hijo derecho 5:
- Preorden: 4, 2, 1, 3, 5
- Inorden: 1, 2, 3, 4, 5
- Postorden: 1, 3, 2, 5, 4

```python
def inorden(nodo):
    if nodo:
        inorden(nodo.izq)
        print(nodo.val)
        inorden(nodo.der)
```""",
    ]),
    ("intermedio", "definition", [
        r"""¿Qué es un heap binario y cómo se guarda en un arreglo?""",
        r"""Un min-heap binario es un árbol binario completo (todos los niveles llenos salvo el último, que se llena de izquierda a derecha) en el que cada padre es menor o igual que sus hijos. La raíz es siempre el mínimo.

Como es completo, se guarda en un arreglo sin punteros:
1. El nodo en el índice i tiene sus hijos en 2i + 1 y 2i + 2.
2. Su padre está en (i - 1) // 2.

Operaciones:
1. Insertar: se añade al final y se "sube" intercambiándolo con su padre mientras sea menor.
2. Extraer el mínimo: se pone el último elemento en la raíz y se "hunde" intercambiándolo con el hijo menor.

Complejidad: consultar el mínimo es O(1); insertar y extraer, O(log n); construir un heap a partir de n elementos, O(n). Ocupa O(n) en espacio.

Error común: pensar que el arreglo está ordenado; solo se garantiza la relación padre-hijo.

Ejemplo:
```python
import heapq

h = []
for x in [5, 1, 8, 3]:
    heapq.heappush(h, x)
print(h)               # [1, 3, 8, 5], no ordenado
print(heapq.heappop(h))  # 1
```""",
    ]),
    ("avanzado", "definition", [
        r"""¿Qué es un árbol AVL y cómo se mantiene equilibrado?""",
        r"""Un AVL es un árbol binario de búsqueda en el que, para cada nodo, las alturas de sus dos subárboles difieren como mucho en 1. Esa diferencia se llama factor de equilibrio.

Tras insertar o borrar:
1. Sube desde el nodo modificado hacia la raíz actualizando alturas.
2. Si un nodo queda con factor +2 o -2, aplica una rotación según el caso:
   - Izquierda-izquierda: rotación simple a la derecha.
   - Derecha-derecha: rotación simple a la izquierda.
   - Izquierda-derecha: rotación a la izquierda en el hijo y después a la derecha en el nodo.
   - Derecha-izquierda: el caso simétrico.

Complejidad: la altura es como mucho unas 1,44 · log2 n, así que buscar, insertar y borrar cuestan O(log n) en tiempo; cada rotación es O(1). Ocupa O(n) en espacio.

Error común: olvidar recalcular las alturas tras rotar, o recalcularlas en mal orden; primero el nodo que baja y después el que sube.

Ejemplo: insertar 3, 2, 1 produce una cadena hacia la izquierda; el 3 queda con factor +2 (caso izquierda-izquierda) y una rotación a la derecha deja el 2 como raíz, con 1 y 3 como hijos.
```python
def rotar_derecha(y):
    x = y.izq
    y.izq = x.der
    x.der = y
    actualizar_altura(y)
    actualizar_altura(x)
    return x
```""",
    ]),
    ("basico", "example", [
        r"""Inserta en un árbol binario de búsqueda vacío los valores 8, 3, 10, 1, 6 y 14, y muéstrame cómo queda.""",
        r"""Cada valor baja desde la raíz: a la izquierda si es menor, a la derecha si es mayor, hasta encontrar un hueco.

1. 8: el árbol está vacío, así que 8 es la raíz.
2. 3: 3 < 8, va a la izquierda del 8.
3. 10: 10 > 8, va a la derecha del 8.
4. 1: 1 < 8, baja al 3; 1 < 3, va a la izquierda del 3.
5. 6: 6 < 8, baja al 3; 6 > 3, va a la derecha del 3.
6. 14: 14 > 8, baja al 10; 14 > 10, va a la derecha del 10.

Resultado:
```
      8
     / \
    3   10
   / \    \
  1   6    14
```
El recorrido inorden da 1, 3, 6, 8, 10, 14, y la altura es 2.

Complejidad: cada inserción cuesta O(h); con este orden de llegada el árbol queda equilibrado y h = 2. Insertar n valores cuesta O(n log n) si se mantiene equilibrado y O(n²) si degenera. Ocupa O(n) en espacio.

Error común: comparar solo con la raíz y colgar el valor directamente de ella; hay que seguir bajando hasta encontrar un hueco.""",
    ]),
    ("intermedio", "example", [
        r"""¿Cómo recorro un árbol binario por niveles? Muéstrame un ejemplo.""",
        r"""El recorrido por niveles es un BFS sobre el árbol: usa una cola y procesa los nodos nivel a nivel.

1. Mete la raíz en la cola.
2. Mientras la cola no esté vacía, mira cuántos nodos tiene: ese es el tamaño del nivel actual.
3. Saca exactamente esa cantidad de nodos, guarda sus valores y mete sus hijos en la cola.
4. Al terminar, añade la lista del nivel al resultado.

Complejidad: O(n) en tiempo y O(w) en espacio, donde w es la anchura máxima del árbol (hasta unos n/2 en el último nivel de un árbol completo).

Error común: no fijar el tamaño del nivel antes del bucle interno; si usas `len(cola)` mientras metes hijos, se mezclan niveles.

Ejemplo con raíz 1, hijos 2 y 3, hijos de 2: 4 y 5, hijo derecho de 3: 6.
Resultado: [[1], [2, 3], [4, 5, 6]].
```python
from collections import deque

def por_niveles(raiz):
    if raiz is None:
        return []
    res, cola = [], deque([raiz])
    while cola:
        nivel = []
        for _ in range(len(cola)):
            n = cola.popleft()
            nivel.append(n.val)
            if n.izq:
                cola.append(n.izq)
            if n.der:
                cola.append(n.der)
        res.append(nivel)
    return res
```""",
    ]),
    ("avanzado", "example", [
        r"""¿Cómo se elimina de un árbol binario de búsqueda un nodo que tiene dos hijos? Usa un ejemplo.""",
        r"""Al borrar hay tres casos; el difícil es el de dos hijos.

1. Hoja: se quita sin más.
2. Un hijo: el hijo ocupa el lugar del nodo.
3. Dos hijos: se copia en el nodo el valor de su sucesor inorden (el mínimo del subárbol derecho) y se borra el sucesor, que no tiene hijo izquierdo y cae en los casos 1 o 2.

Ejemplo: en el árbol 8 (izquierda 3 con hijos 1 y 6; derecha 10 con hijo derecho 14) borramos el 3. Su sucesor es el 6 (el subárbol derecho es solo el 6): se copia el 6 en el lugar del 3 y se borra la hoja 6. Queda 8 (izquierda 6 con hijo 1; derecha 10 con hijo 14), y el inorden sigue ordenado: 1, 6, 8, 10, 14.

Complejidad: O(h) en tiempo, porque se baja una vez para encontrar el nodo y otra para el sucesor; O(h) en espacio en la versión recursiva.

Error común: colgar el subárbol izquierdo entero bajo el derecho; sigue siendo un BST, pero la altura crece sin necesidad.""",
    ]),
    ("avanzado", "example", [
        r"""¿Cómo encuentro el ancestro común más bajo (LCA) de dos nodos en un árbol binario cualquiera, que no es de búsqueda?""",
        r"""Con un recorrido recursivo que informa hacia arriba si ha encontrado alguno de los dos nodos.

1. Si el nodo actual es `None`, p o q, devuélvelo (se asume que p y q están en el árbol).
2. Busca en el subárbol izquierdo y en el derecho.
3. Si ambos lados devuelven algo, p y q están en lados distintos: el nodo actual es el LCA.
4. Si solo un lado devuelve algo, propaga ese resultado hacia arriba.

Complejidad: O(n) en tiempo, porque cada nodo se visita como mucho una vez, y O(h) en espacio por la recursión.

Error común: aplicar la lógica de un BST (bajar a la izquierda si ambos son menores); en un árbol cualquiera los valores no siguen ningún orden.

Ejemplo con el árbol 3 → (5 → (6, 2), 1 → (0, 8)):
- LCA(6, 2) = 5, porque están a ambos lados del 5.
- LCA(6, 8) = 3.
- LCA(5, 6) = 5: un nodo cuenta como ancestro de sí mismo.
```python
def lca(nodo, p, q):
    if nodo is None or nodo is p or nodo is q:
        return nodo
    i = lca(nodo.izq, p, q)
    d = lca(nodo.der, p, q)
    if i and d:
        return nodo
    return i or d
```""",
    ]),
    ("basico", "error_correction", [
        r"""Mi función para calcular la altura de un árbol lanza "AttributeError: 'NoneType' object has no attribute 'izq'". ¿Qué falta?

```python
def altura(nodo):
    return 1 + max(altura(nodo.izq), altura(nodo.der))
```""",
        r"""Falta el caso base de la recursión.

1. La función baja por los hijos hasta llegar a una hoja.
2. La hoja no tiene hijos, así que `nodo.izq` vale `None`, y la siguiente llamada es `altura(None)`.
3. Dentro de esa llamada, `None.izq` lanza el `AttributeError`.
4. Hay que decidir qué devuelve un árbol vacío: 0 si cuentas la altura en nodos, o -1 si la cuentas en aristas (así una hoja tiene altura 0).

Complejidad: O(n) en tiempo, porque cada nodo se visita una vez, y O(h) en espacio por la pila de recursión.

Error común: poner como caso base "si es hoja, devuelve 1" sin contemplar `None`; falla igualmente con nodos que tienen un solo hijo.

Ejemplo corregido (altura en nodos):
```python
def altura(nodo):
    if nodo is None:
        return 0
    return 1 + max(altura(nodo.izq), altura(nodo.der))
```
Con una raíz que tiene un único hijo izquierdo, devuelve 2.""",
    ]),
    ("intermedio", "error_correction", [
        r"""Mi función para validar un BST devuelve True para el árbol 5 → (izquierda 3 → (derecha 7)), y no es un BST válido. ¿Por qué?

```python
def es_bst(nodo):
    if nodo is None:
        return True
    if nodo.izq and nodo.izq.val >= nodo.val:
        return False
    if nodo.der and nodo.der.val <= nodo.val:
        return False
    return es_bst(nodo.izq) and es_bst(nodo.der)
```""",
        r"""Solo compruebas cada nodo con sus hijos directos, pero la propiedad afecta a todo el subárbol.

El 5 con su hijo 3 y el 3 con su hijo 7 pasan la prueba, pero el 7 está en el subárbol izquierdo del 5 y debería ser menor que 5. Nadie lo comprueba.

Corrección: pasa hacia abajo los límites permitidos. Al bajar a la izquierda, el valor del nodo pasa a ser el máximo; a la derecha, el mínimo.

Complejidad: O(n) en tiempo y O(h) en espacio.

Error común: iniciar los límites con 0 o con un número "grande" en vez de infinito.

Ejemplo corregido:
```python
def es_bst(n, lo=float("-inf"), hi=float("inf")):
    if n is None:
        return True
    if not lo < n.val < hi:
        return False
    return es_bst(n.izq, lo, n.val) and es_bst(n.der, n.val, hi)
```""",
        r"""¿Se podría validar también con un recorrido inorden?""",
        r"""Sí: un árbol sin valores repetidos es un BST si y solo si su recorrido inorden es estrictamente creciente.

1. Recorre el árbol en inorden.
2. Guarda solo el último valor visitado, no la lista entera.
3. Si el valor actual no es mayor que el anterior, no es un BST.

Complejidad: O(n) en tiempo y O(h) en espacio por la recursión o la pila.

Error común: no decidir qué pasa con los repetidos; si tu BST los admite, la condición de fallo debe ser `actual < anterior`, no `actual <= anterior`.

Ejemplo: en el árbol de tu pregunta el inorden es 3, 7, 5. Al visitar el 5 después del 7, la secuencia deja de crecer y se detecta el fallo.""",
    ]),
    ("intermedio", "error_correction", [
        r"""Inserto varios valores en mi BST, pero al final el árbol solo tiene la raíz. ¿Qué hago mal?

```python
def insertar(nodo, val):
    if nodo is None:
        return Nodo(val)
    if val < nodo.val:
        insertar(nodo.izq, val)
    else:
        insertar(nodo.der, val)
    return nodo
```""",
        r"""Las llamadas recursivas crean el nodo nuevo, pero su resultado se descarta.

1. Cuando `nodo.izq` es `None`, la llamada `insertar(nodo.izq, val)` devuelve un `Nodo(val)` nuevo.
2. Ese nodo no se asigna a nadie, así que el árbol no cambia.
3. Asignar dentro de la llamada (`nodo = Nodo(val)`) tampoco sirve: solo cambia la variable local.
4. La solución es enganchar el resultado: `nodo.izq = insertar(nodo.izq, val)`. Cuando el hijo ya existe, la llamada devuelve el mismo nodo y la asignación no cambia nada; cuando era `None`, cuelga el nuevo.

Complejidad: O(h) en tiempo por inserción y O(h) en espacio por la recursión; O(log n) si el árbol está equilibrado.

Error común: arreglar solo la rama izquierda y olvidar la derecha, con lo que los valores mayores siguen perdiéndose.

Ejemplo corregido:
```python
def insertar(nodo, val):
    if nodo is None:
        return Nodo(val)
    if val < nodo.val:
        nodo.izq = insertar(nodo.izq, val)
    else:
        nodo.der = insertar(nodo.der, val)
    return nodo

raiz = None
for v in [5, 2, 8]:
    raiz = insertar(raiz, v)   # también hay que guardar la raíz
```""",
    ]),
    ("avanzado", "error_correction", [
        r"""Calculo el diámetro de un árbol binario (el camino más largo entre dos nodos, en aristas) así, pero falla en algunos árboles. ¿Por qué?

```python
def altura(n):
    if n is None:
        return 0
    return 1 + max(altura(n.izq), altura(n.der))

def diametro(raiz):
    return altura(raiz.izq) + altura(raiz.der)
```""",
        r"""El código supone que el camino más largo pasa por la raíz, y no siempre es así.

Contraejemplo: la raíz 1 solo tiene hijo izquierdo, el 2. Del 2 salen dos ramas: 2 → 3 → 4 y 2 → 5 → 6.
1. Tu función devuelve altura(2) + altura(None) = 3 + 0 = 3.
2. El camino 4 → 3 → 2 → 5 → 6 tiene 4 aristas y no toca la raíz.

Corrección: en cada nodo, el mejor camino que "gira" ahí mide altura(izq) + altura(der). Calcula eso en todos los nodos y quédate con el máximo. Para no recalcular alturas (O(n²) en un árbol degenerado), hazlo todo en un único recorrido postorden que devuelva la altura y actualice el mejor valor.

Complejidad: O(n) en tiempo y O(h) en espacio con la versión de un solo recorrido.

Error común: llamar a `altura` desde cada nodo; es correcto, pero cuesta O(n²) en el peor caso.

Ejemplo corregido:
```python
def diametro(raiz):
    mejor = 0
    def alt(n):
        nonlocal mejor
        if n is None:
            return 0
        i, d = alt(n.izq), alt(n.der)
        mejor = max(mejor, i + d)
        return 1 + max(i, d)
    alt(raiz)
    return mejor
```""",
    ]),
    ("basico", "comparison", [
        r"""Para guardar números y buscarlos, ¿qué es mejor: un árbol binario de búsqueda equilibrado o una lista ordenada?""",
        r"""Depende de cuántas inserciones y borrados hagas frente a las búsquedas.

Lista ordenada:
1. Buscar: búsqueda binaria, O(log n).
2. Insertar o borrar: hay que desplazar elementos para mantener el orden, O(n).
3. Ventajas: sencilla, compacta en memoria y muy rápida de recorrer.

BST equilibrado (AVL, rojo-negro):
1. Buscar, insertar y borrar: O(log n).
2. Cada nodo guarda punteros, así que ocupa más memoria.
3. También permite recorrer en orden en O(n) y buscar el siguiente o el anterior a un valor.

Complejidad: ambos ocupan O(n) en espacio; la diferencia está en insertar y borrar: O(n) en la lista frente a O(log n) en el árbol.

Error común: usar un BST sin equilibrar esperando O(log n); con datos que llegan ordenados degenera y todo pasa a O(n).

Ejemplo de decisión:
- Diccionario que se carga una vez y luego solo se consulta: lista ordenada con `bisect`.
- Marcador de un juego online con altas y bajas continuas: árbol equilibrado.""",
    ]),
    ("intermedio", "comparison", [
        r"""¿Qué diferencia hay entre un min-heap y un árbol binario de búsqueda? ¿Cuándo uso cada uno?""",
        r"""Los dos son árboles binarios, pero garantizan cosas distintas.

Min-heap:
1. Solo garantiza que cada padre es menor o igual que sus hijos; entre hermanos no hay orden.
2. El mínimo está en la raíz: consultarlo es O(1); insertar y extraerlo, O(log n).
3. Buscar un valor cualquiera es O(n), porque el orden no ayuda.
4. Se guarda en un arreglo sin punteros y se construye en O(n).

BST equilibrado:
1. Garantiza izquierda < nodo < derecha en todo el árbol.
2. Buscar, insertar, borrar, mínimo y máximo: O(log n).
3. Permite recorrer en orden, consultar rangos y hallar el sucesor de un valor.

Complejidad: los dos ocupan O(n) en espacio; el heap gana en constantes y memoria, el BST en operaciones de orden.

Error común: usar un heap para "recorrer en orden" iterando el arreglo; solo la raíz está en su sitio.

Ejemplo de decisión:
- Cola de prioridad de Dijkstra, o los k mayores de un flujo de datos: heap.
- Agenda donde preguntas "¿qué citas hay entre las 10 y las 12?": BST equilibrado.""",
    ]),
    ("avanzado", "comparison", [
        r"""¿Qué diferencias hay entre un árbol AVL y un árbol rojo-negro?""",
        r"""Ambos son BST autoequilibrados con operaciones en O(log n), pero equilibran con distinta exigencia.

AVL:
1. Exige que las alturas de los subárboles de cada nodo difieran como mucho en 1.
2. Altura máxima de unas 1,44 · log2 n: es más bajo, así que las búsquedas recorren menos niveles.
3. Insertar requiere como mucho una rotación simple o doble, pero borrar puede requerir rotaciones en varios niveles, hasta O(log n).

Rojo-negro:
1. Colorea los nodos y exige que todos los caminos de la raíz a las hojas tengan el mismo número de nodos negros, sin dos rojos seguidos.
2. Altura máxima de 2 · log2(n + 1): algo más alto que un AVL.
3. Como mucho 2 rotaciones por inserción y 3 por borrado; el resto se arregla cambiando colores.

Complejidad: buscar, insertar y borrar son O(log n) en el peor caso en ambos; el espacio es O(n), con la altura o un bit de color por nodo.

Error común: pensar que un rojo-negro está "mal equilibrado" y puede degenerar a O(n); su altura está acotada en el peor caso.

Ejemplo de elección: para consultas muy frecuentes y pocas modificaciones, un AVL; para muchas inserciones y borrados, un rojo-negro, que es lo que usan `std::map` en C++ y `TreeMap` en Java.""",
    ]),
    ("basico", "complexity", [
        r"""¿Cuál es la complejidad de recorrer todos los nodos de un árbol binario con recursión?""",
        r"""Hay que analizar por separado el tiempo y la memoria.

1. Tiempo: cada nodo se visita exactamente una vez y en cada visita se hace un trabajo constante (procesar el valor y hacer dos llamadas). Además hay una llamada por cada hijo vacío, que son n + 1. En total, O(n).
2. Espacio: la recursión guarda en la pila una llamada por cada nivel del camino actual. La profundidad máxima es la altura h.
3. Si el árbol está equilibrado, h ≈ log2 n. Si está degenerado (como una lista), h = n - 1.

Complejidad: O(n) en tiempo; O(h) en espacio, es decir, O(log n) en un árbol equilibrado y O(n) en uno degenerado.

Error común: decir que el espacio es O(1) porque "no se crean estructuras"; la pila de llamadas también ocupa memoria. En Python, además, un árbol degenerado de unos miles de nodos supera el límite de recursión por defecto (1000).

Ejemplo:
```python
def contar(nodo):
    if nodo is None:
        return 0
    return 1 + contar(nodo.izq) + contar(nodo.der)
```
Con un árbol de 7 nodos perfectamente equilibrado, la pila nunca pasa de 4 llamadas (3 niveles más la llamada con `None`).""",
    ]),
    ("intermedio", "complexity", [
        r"""¿Cuánto cuesta buscar en un árbol binario de búsqueda? He leído que es O(log n) y también que es O(n).""",
        r"""Las dos cosas son ciertas en situaciones distintas: el coste real es O(h), donde h es la altura.

1. La búsqueda baja un nivel por comparación, así que hace como mucho h + 1 comparaciones.
2. En un árbol equilibrado, h ≈ log2 n, y la búsqueda es O(log n).
3. En un árbol degenerado (por ejemplo, tras insertar datos ordenados), h = n - 1, y la búsqueda es O(n).
4. Si insertas datos en orden aleatorio, la altura esperada es O(log n), pero no está garantizada.

Complejidad: O(h) en tiempo, que va de O(log n) a O(n); O(1) en espacio en la versión iterativa y O(h) en la recursiva.

Error común: citar O(log n) sin decir "si el árbol está equilibrado". Para tener la garantía hay que usar un árbol autoequilibrado (AVL, rojo-negro).

Ejemplo con un millón de nodos:
- Equilibrado: altura de unos 20 niveles, así que como mucho unas 20 comparaciones.
- Degenerado: hasta un millón de comparaciones, igual que una búsqueda lineal.""",
    ]),
    ("avanzado", "complexity", [
        r"""¿Qué complejidad tiene un árbol de segmentos para sumas en rango con actualizaciones de un elemento?""",
        r"""Cada nodo de un árbol de segmentos guarda la suma de un intervalo: las hojas son los elementos y cada nodo interno suma sus dos hijos.

1. Construcción: se calcula cada nodo una vez a partir de sus hijos. Hay menos de 2n nodos, así que es O(n).
2. Consulta de suma en [l, r]: el intervalo se descompone en nodos que lo cubren exactamente; en cada nivel se usan como mucho dos, así que es O(log n).
3. Actualización de un elemento: se cambia la hoja y se recalculan sus ancestros, uno por nivel, O(log n).

Complejidad: construcción O(n), consulta O(log n) y actualización O(log n) en tiempo; O(n) en espacio.

Error común: usar sumas prefijas cuando hay actualizaciones; la consulta es O(1), pero cada actualización obliga a recalcular O(n) prefijos.

Ejemplo con a = [2, 1, 5, 3]:
- Hojas: 2, 1, 5, 3. Nivel intermedio: [0..1] = 3 y [2..3] = 8. Raíz: 11.
- Suma de [1..3]: hoja a[1] = 1 más el nodo [2..3] = 8, total 9, usando solo dos nodos.
- Si a[2] pasa a 0: la hoja 5 cambia a 0, el nodo [2..3] a 3 y la raíz a 6. Se tocan 3 nodos, uno por nivel.""",
    ]),
]
