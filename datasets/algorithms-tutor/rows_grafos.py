"""Filas del tema "grafos". Cada fila: (nivel, categoría, [turnos])."""

TOPIC = "grafos"

ROWS = [
    ("basico", "definition", [
        r"""¿Qué es una lista de adyacencia y cómo la construyo en Python?""",
        r"""Una lista de adyacencia guarda, para cada vértice, la lista de sus vecinos. Es la forma más habitual de representar grafos con pocas aristas.

Pasos para construirla:
1. Crea un diccionario donde cada clave es un vértice y cada valor, una lista vacía.
2. Recorre las aristas (u, v) y añade v a la lista de u.
3. Si el grafo es no dirigido, añade también u a la lista de v.

Complejidad: O(V + E) en espacio y en tiempo de construcción. Recorrer los vecinos de u cuesta O(grado(u)); comprobar si existe la arista (u, v) también cuesta O(grado(u)), salvo que uses conjuntos en lugar de listas.

Error común: en un grafo no dirigido, añadir la arista solo en un sentido; entonces un recorrido desde v no "ve" a u.

Ejemplo:
```python
from collections import defaultdict

aristas = [("A", "B"), ("A", "C"), ("B", "D")]
grafo = defaultdict(list)
for u, v in aristas:
    grafo[u].append(v)
    grafo[v].append(u)   # no dirigido

print(dict(grafo))
# {'A': ['B', 'C'], 'B': ['A', 'D'], 'C': ['A'], 'D': ['B']}
```""",
    ]),
    ("basico", "definition", [
        r"""¿Qué es la búsqueda en anchura (BFS)?""",
        r"""BFS recorre un grafo por niveles: primero el origen, luego sus vecinos, después los vecinos de estos, y así sucesivamente.

1. Mete el origen en una cola y márcalo como visitado.
2. Saca el primer vértice u de la cola.
3. Para cada vecino v no visitado, márcalo, anota `dist[v] = dist[u] + 1` y mételo al final de la cola.
4. Repite hasta vaciar la cola.

Como los vértices salen en orden de distancia, BFS da el camino más corto en número de aristas en grafos no ponderados.

Complejidad: O(V + E) en tiempo con listas de adyacencia y O(V) en espacio.

Error común: usar una lista con `pop(0)` como cola, que cuesta O(V) por extracción; usa `collections.deque` con `popleft()`.

Ejemplo: en el grafo con aristas A-B, A-C y C-D, BFS desde A visita A (distancia 0), B (1), C (1) y D (2).""",
        r"""¿Cómo reconstruyo el camino más corto, y no solo la distancia?""",
        r"""Guarda de dónde viene cada vértice y recorre esos enlaces hacia atrás.

1. Cuando descubras v desde u, anota `padre[v] = u`; el origen tiene padre `None`.
2. Desde el destino, sigue `padre` hasta llegar a `None`.
3. Invierte la lista, porque sale del destino al origen.

Complejidad: el BFS sigue siendo O(V + E) en tiempo y O(V) en espacio; reconstruir el camino cuesta O(L), con L su longitud.

Error común: no comprobar si el destino fue descubierto; si no lo fue, no hay camino y `padre[destino]` lanza `KeyError`.

Ejemplo:
```python
def reconstruir(padre, destino):
    if destino not in padre:
        return None
    camino = []
    while destino is not None:
        camino.append(destino)
        destino = padre[destino]
    return camino[::-1]
```""",
    ]),
    ("intermedio", "definition", [
        r"""¿Qué es un orden topológico y cuándo existe?""",
        r"""Un orden topológico de un grafo dirigido es una lista de todos sus vértices en la que, para cada arista u → v, u aparece antes que v. Sirve para ordenar tareas con dependencias.

Cuándo existe: solo si el grafo es acíclico (un DAG). Si hay un ciclo A → B → A, A tendría que ir antes que B y B antes que A, lo cual es imposible.

Formas de calcularlo:
1. Algoritmo de Kahn: toma repetidamente vértices sin aristas de entrada pendientes.
2. DFS: el orden inverso de finalización de un recorrido en profundidad es un orden topológico.

Complejidad: O(V + E) en tiempo y O(V) en espacio extra con cualquiera de los dos métodos.

Error común: esperar que el orden sea único; en general hay muchos órdenes válidos, y dos programas correctos pueden dar resultados distintos.

Ejemplo, al vestirse: calcetines → zapatos, pantalón → zapatos, pantalón → cinturón. Órdenes válidos:
- calcetines, pantalón, zapatos, cinturón
- pantalón, cinturón, calcetines, zapatos
Pero "zapatos, calcetines, ..." no es válido, porque viola la arista calcetines → zapatos.""",
    ]),
    ("avanzado", "definition", [
        r"""¿Qué son las componentes fuertemente conexas y cómo se calculan con el algoritmo de Kosaraju?""",
        r"""En un grafo dirigido, una componente fuertemente conexa (CFC) es un conjunto máximo de vértices en el que cada uno puede llegar a todos los demás siguiendo las aristas.

Algoritmo de Kosaraju:
1. Haz un DFS sobre todo el grafo y apila cada vértice cuando termine (cuando se han explorado todos sus descendientes).
2. Construye el grafo traspuesto, invirtiendo todas las aristas.
3. Saca vértices de la pila (del que terminó último al primero). Para cada uno no visitado, lanza un DFS en el grafo traspuesto: todos los vértices que alcance forman una CFC.

Funciona porque el vértice que termina último pertenece a una componente "fuente"; en el grafo traspuesto, su DFS no puede escaparse a otras componentes.

Complejidad: O(V + E) en tiempo y O(V + E) en espacio, por el grafo traspuesto.

Error común: hacer la segunda pasada sobre el grafo original en lugar del traspuesto, o usar el orden de descubrimiento en lugar del de finalización; en ambos casos se mezclan componentes.

Ejemplo: con aristas 1 → 2, 2 → 3, 3 → 1 y 3 → 4, las CFC son {1, 2, 3} y {4}. El 4 es alcanzable desde 3, pero desde el 4 no se puede volver.""",
    ]),
    ("basico", "example", [
        r"""Haz una traza de BFS desde A en el grafo no dirigido con aristas A-B, A-C, B-D, C-D y D-E, indicando las distancias.""",
        r"""Listas de adyacencia (en orden alfabético): A: B, C; B: A, D; C: A, D; D: B, C, E; E: D.

Traza (cola a la derecha, distancias entre paréntesis):
1. Inicio: cola [A], A(0).
2. Sale A: descubre B(1) y C(1). Cola [B, C].
3. Sale B: A ya visitado; descubre D(2). Cola [C, D].
4. Sale C: A y D ya visitados. Cola [D].
5. Sale D: B y C visitados; descubre E(3). Cola [E].
6. Sale E: su único vecino D ya está visitado. Cola vacía, fin.

Resultado: orden de visita A, B, C, D, E; distancias A = 0, B = 1, C = 1, D = 2, E = 3.

Complejidad: O(V + E) en tiempo (aquí 5 vértices y 5 aristas) y O(V) en espacio.

Error común: marcar los vértices como visitados al sacarlos de la cola en lugar de al meterlos; D entraría dos veces, una desde B y otra desde C.

Ejemplo para comprobarlo con una función `bfs` que devuelva el diccionario de distancias:
```python
grafo = {"A": ["B", "C"], "B": ["A", "D"], "C": ["A", "D"],
         "D": ["B", "C", "E"], "E": ["D"]}
print(bfs(grafo, "A"))
# {'A': 0, 'B': 1, 'C': 1, 'D': 2, 'E': 3}
```""",
    ]),
    ("intermedio", "example", [
        r"""Haz la traza de Dijkstra desde A en el grafo dirigido con aristas A→B (4), A→C (1), C→B (2), B→D (1) y C→D (5).""",
        r"""Ejemplo resuelto con un min-heap de pares (distancia, vértice), descartando las entradas obsoletas:

1. dist: A = 0, el resto ∞. Heap [(0, A)].
2. Sale (0, A): B = 4, C = 1. Heap [(1, C), (4, B)].
3. Sale (1, C): B mejora a 1 + 2 = 3; D = 1 + 5 = 6. Heap [(3, B), (4, B), (6, D)].
4. Sale (3, B): D mejora a 3 + 1 = 4. Heap [(4, B), (4, D), (6, D)].
5. Sale (4, B): obsoleta, porque dist[B] ya es 3. Se ignora.
6. Sale (4, D): D queda fijado en 4.
7. Sale (6, D): obsoleta. Heap vacío.

Resultado: A = 0, C = 1, B = 3, D = 4. El camino más corto a D es A → C → B → D.

Complejidad: O((V + E) log V) en tiempo con heap binario y O(V + E) en espacio.

Error común: no descartar las entradas obsoletas al sacarlas (con `if d > dist[u]: continue`); el resultado sigue siendo correcto, pero se relajan aristas de más.""",
    ]),
    ("intermedio", "example", [
        r"""Tengo estas materias con prerrequisitos: Programación antes de Estructuras de Datos, Matemática Discreta antes de Algoritmos y Estructuras de Datos antes de Algoritmos. ¿En qué orden las curso? Usa el algoritmo de Kahn.""",
        r"""Abreviemos: P (Programación), M (Matemática Discreta), E (Estructuras de Datos), L (Algoritmos). Aristas: P → E, M → L, E → L.

Pasos de Kahn:
1. Calcula el grado de entrada: P = 0, M = 0, E = 1, L = 2.
2. Mete en la cola los de grado 0: [P, M].
3. Sale P: se añade al orden y E baja a 0, entra en la cola: [M, E].
4. Sale M: L baja a 1. Cola [E].
5. Sale E: L baja a 0 y entra. Cola [L].
6. Sale L. Cola vacía.

Orden: P, M, E, L. Como se procesaron los 4 vértices, no hay ciclos.

Complejidad: O(V + E) en tiempo y O(V) en espacio extra.

Error común: no comprobar al final que se procesaron todos los vértices; si quedan algunos, hay un ciclo de prerrequisitos y no existe un orden válido.

Ejemplo de código:
```python
from collections import deque

def kahn(grafo):
    grado = {u: 0 for u in grafo}
    for u in grafo:
        for v in grafo[u]:
            grado[v] += 1
    cola = deque(u for u in grafo if grado[u] == 0)
    orden = []
    while cola:
        u = cola.popleft()
        orden.append(u)
        for v in grafo[u]:
            grado[v] -= 1
            if grado[v] == 0:
                cola.append(v)
    return orden if len(orden) == len(grafo) else None
```""",
    ]),
    ("avanzado", "example", [
        r"""Muéstrame cómo funciona Kruskal con union-find en un grafo con vértices 1 a 4 y aristas 1-2 (peso 1), 2-3 (2), 1-3 (3), 3-4 (4) y 2-4 (5).""",
        r"""Kruskal construye el árbol de expansión mínima tomando aristas de menor a mayor peso y descartando las que formarían un ciclo. Union-find responde rápido si dos vértices ya están conectados.

Traza (las aristas ya están ordenadas por peso):
1. 1-2 (1): 1 y 2 están en conjuntos distintos. Se toma y se unen: {1, 2}, {3}, {4}.
2. 2-3 (2): distintos. Se toma: {1, 2, 3}, {4}.
3. 1-3 (3): mismo conjunto, formaría ciclo. Se descarta.
4. 3-4 (4): distintos. Se toma: {1, 2, 3, 4}.
5. Ya hay V - 1 = 3 aristas; se puede parar.

Árbol: 1-2, 2-3, 3-4, con peso total 7.

Complejidad: O(E log E) en tiempo, dominado por la ordenación; las operaciones de union-find con compresión de caminos y unión por rango son casi O(1) amortizadas. O(V) en espacio para union-find.

Error común: comprobar ciclos con un DFS por cada arista, lo que eleva el coste a O(E · V).

Ejemplo de union-find:
```python
padre = list(range(5))

def find(x):
    while padre[x] != x:
        padre[x] = padre[padre[x]]   # compresión
        x = padre[x]
    return x

def union(a, b):
    ra, rb = find(a), find(b)
    if ra == rb:
        return False
    padre[ra] = rb
    return True
```""",
    ]),
    ("basico", "error_correction", [
        r"""Mi BFS nunca termina con un grafo no dirigido. ¿Qué está mal?

```python
from collections import deque

def bfs(grafo, inicio):
    cola = deque([inicio])
    orden = []
    while cola:
        u = cola.popleft()
        orden.append(u)
        for v in grafo[u]:
            cola.append(v)
    return orden
```""",
        r"""Falta llevar un registro de los vértices visitados.

1. En un grafo no dirigido, si A es vecino de B, B también es vecino de A.
2. Al procesar A metes B en la cola; al procesar B vuelves a meter A; al procesar A otra vez, vuelves a meter B... La cola nunca se vacía.
3. Solución: un conjunto `visitado`. Marca cada vértice en el momento de meterlo en la cola y no metas nunca uno ya marcado.

Marcar al meter (y no al sacar) garantiza que cada vértice entra en la cola una sola vez.

Complejidad: la versión corregida es O(V + E) en tiempo y O(V) en espacio. La original no termina si el grafo tiene alguna arista no dirigida o cualquier ciclo.

Error común: marcar solo al sacar de la cola; termina, pero un vértice puede entrar varias veces y la cola crece más de lo necesario.

Ejemplo corregido:
```python
def bfs(grafo, inicio):
    visitado = {inicio}
    cola = deque([inicio])
    orden = []
    while cola:
        u = cola.popleft()
        orden.append(u)
        for v in grafo[u]:
            if v not in visitado:
                visitado.add(v)
                cola.append(v)
    return orden
```""",
    ]),
    ("intermedio", "error_correction", [
        r"""Mi detector de ciclos en un grafo dirigido dice que hay ciclo en {'A': ['B', 'C'], 'B': ['D'], 'C': ['D'], 'D': []}, pero no lo hay. ¿Por qué?

```python
def tiene_ciclo(grafo):
    visitado = set()
    def dfs(u):
        if u in visitado:
            return True
        visitado.add(u)
        for v in grafo[u]:
            if dfs(v):
                return True
        return False
    return any(dfs(u) for u in grafo)
```""",
        r"""El código confunde "ya visitado" con "está en el camino actual".

Traza:
1. dfs(A) → dfs(B) → dfs(D). D no tiene vecinos y termina.
2. De vuelta en A, dfs(C) → dfs(D). D ya está en `visitado`, así que devuelve True.
3. Pero C → D no cierra ningún ciclo: D se terminó de explorar por otra rama.

En un grafo dirigido hay ciclo solo si llegas a un vértice que sigue abierto en la pila de recursión. Usa tres estados: blanco (sin visitar), gris (en el camino actual) y negro (terminado). Una arista hacia un vértice gris indica ciclo; hacia uno negro, no.

Complejidad: O(V + E) en tiempo y O(V) en espacio.

Error común: copiar la técnica de los grafos no dirigidos (visitado e ignorar al padre), que allí sí funciona, a un grafo dirigido.

Ejemplo corregido:
```python
def tiene_ciclo(grafo):
    BLANCO, GRIS, NEGRO = 0, 1, 2
    color = {u: BLANCO for u in grafo}
    def dfs(u):
        color[u] = GRIS
        for v in grafo[u]:
            if color[v] == GRIS:
                return True
            if color[v] == BLANCO and dfs(v):
                return True
        color[u] = NEGRO
        return False
    return any(color[u] == BLANCO and dfs(u) for u in grafo)
```""",
    ]),
    ("avanzado", "error_correction", [
        r"""Usé Dijkstra en un grafo con una arista de peso negativo. Pensé que funcionaría porque no hay ciclos negativos, pero me dio una distancia incorrecta. ¿En qué fallé?""",
        r"""Dijkstra da por definitiva la distancia de un vértice cuando sale del heap. Eso solo es válido si añadir aristas nunca abarata un camino, es decir, si no hay pesos negativos. Que no haya ciclos negativos no basta.

Contraejemplo: A → B (2), A → C (5), C → B (-4), B → D (1).
1. Sale A: B = 2, C = 5.
2. Sale B (2) y se da por definitivo: D = 3.
3. Sale D (3).
4. Sale C (5): B podría bajar a 1, pero B ya está cerrado y D no se recalcula.
Resultado: D = 3. Lo correcto es A → C → B → D = 5 - 4 + 1 = 2.

Solución: usa Bellman-Ford, que admite pesos negativos y detecta ciclos negativos.

Complejidad: Dijkstra es O((V + E) log V) en tiempo, pero solo es correcto con pesos no negativos; Bellman-Ford es O(V · E) en tiempo. Ambos usan O(V) de espacio extra.

Error común: sumar una constante a todos los pesos para hacerlos positivos; penaliza los caminos con más aristas. Ejemplo: con +4, A → B → D pasa a costar 11 y A → C → B → D, 14, así que el mínimo cambia.""",
    ]),
    ("avanzado", "error_correction", [
        r"""Mi Dijkstra da dist[B] = 5 en el grafo A→B (5), A→C (1), C→B (1), cuando debería ser 2. ¿Qué falla?

```python
import heapq

def dijkstra(grafo, s):
    dist = {s: 0}
    visitado = {s}
    heap = [(0, s)]
    while heap:
        d, u = heapq.heappop(heap)
        for v, w in grafo[u]:
            if v not in visitado:
                visitado.add(v)
                dist[v] = d + w
                heapq.heappush(heap, (dist[v], v))
    return dist
```""",
        r"""Estás fijando la distancia de cada vértice la primera vez que lo descubres, como en BFS. En Dijkstra, la primera distancia encontrada no tiene por qué ser la mejor.

Traza:
1. Sale A: descubre B con 5 y C con 1, y los marca como visitados.
2. Sale C (1): la arista C → B ofrece 1 + 1 = 2, pero B ya está marcado y se ignora.
3. Resultado: B = 5.

Corrección: relaja siempre que encuentres una distancia menor (`d + w < dist[v]`) y, al sacar del heap, descarta las entradas obsoletas. Un vértice solo es definitivo cuando sale del heap con su distancia actual.

Complejidad: O((V + E) log V) en tiempo y O(V + E) en espacio, porque el heap puede contener varias entradas por vértice.

Error común: mantener el conjunto `visitado` pero marcar al meter en el heap; el fallo es exactamente el mismo.

Ejemplo corregido:
```python
def dijkstra(grafo, s):
    dist = {s: 0}
    heap = [(0, s)]
    while heap:
        d, u = heapq.heappop(heap)
        if d > dist[u]:
            continue          # entrada obsoleta
        for v, w in grafo[u]:
            nd = d + w
            if nd < dist.get(v, float("inf")):
                dist[v] = nd
                heapq.heappush(heap, (nd, v))
    return dist
```""",
    ]),
    ("basico", "comparison", [
        r"""¿Matriz de adyacencia o lista de adyacencia? ¿Cuál uso para representar un grafo?""",
        r"""Depende sobre todo de cuántas aristas tiene el grafo y de qué operación vas a repetir más.

Matriz de adyacencia (una tabla V × V con 1 o el peso si hay arista):
1. Comprobar si existe la arista (u, v) es O(1).
2. Recorrer los vecinos de u cuesta O(V), aunque tenga pocos.
3. Ocupa O(V²) siempre.

Lista de adyacencia (para cada vértice, sus vecinos):
1. Ocupa O(V + E).
2. Recorrer los vecinos de u cuesta O(grado(u)).
3. Comprobar una arista concreta cuesta O(grado(u)).

Regla práctica: grafos densos (E cercano a V²) o consultas constantes de "¿hay arista?", matriz; grafos dispersos, que son la mayoría, lista.

Complejidad: BFS o DFS cuestan O(V + E) en tiempo con listas y O(V²) con matriz.

Error común: usar matriz para un grafo grande y disperso; se agota la memoria aunque haya pocas aristas.

Ejemplo: 10 000 vértices y 30 000 aristas no dirigidas.
- Matriz: 10^8 celdas.
- Lista: 60 000 entradas (cada arista aparece dos veces) más 10 000 listas.""",
    ]),
    ("intermedio", "comparison", [
        r"""¿Cuándo uso BFS y cuándo DFS?""",
        r"""Ambos visitan todo lo alcanzable, pero en distinto orden, y ese orden decide para qué sirve cada uno.

BFS (cola, por niveles):
1. Camino más corto en número de aristas en grafos no ponderados.
2. Todo lo que esté a distancia k o menos.
3. Puede necesitar mucha memoria si el grafo es muy "ancho", porque guarda un nivel entero.

DFS (pila o recursión, en profundidad):
1. Detección de ciclos, orden topológico, componentes conexas y fuertemente conexas.
2. Explorar caminos completos, como en backtracking o laberintos.
3. Su memoria depende de la profundidad; con recursión en Python, un camino muy largo puede superar el límite de recursión.

Complejidad: los dos son O(V + E) en tiempo y O(V) en espacio en el peor caso.

Error común: usar DFS para el camino más corto en un grafo no ponderado; el primer camino que encuentra DFS no tiene por qué ser el más corto.

Ejemplo: en una cuadrícula de laberinto, BFS desde la entrada te da el número mínimo de pasos hasta la salida; DFS te dice rápido si hay salida, pero el camino que devuelve puede dar muchas vueltas.""",
    ]),
    ("avanzado", "comparison", [
        r"""¿Qué diferencias hay entre Dijkstra y Bellman-Ford?""",
        r"""Ambos calculan caminos mínimos desde un origen, pero con garantías distintas.

Dijkstra:
1. Es voraz: expande siempre el vértice pendiente con menor distancia, usando un heap.
2. Solo es correcto con pesos no negativos.

Bellman-Ford:
1. Relaja todas las aristas V - 1 veces.
2. Admite pesos negativos.
3. Una pasada extra detecta ciclos negativos alcanzables: si algo aún mejora, hay uno.

Complejidad: Dijkstra es O((V + E) log V) en tiempo con heap binario; Bellman-Ford, O(V · E). Ambos usan O(V) de espacio extra.

Error común: creer que Bellman-Ford resuelve los ciclos negativos; solo los detecta, porque con ellos el camino mínimo no existe.

Ejemplo: con V = 1000 y E = 5000, Dijkstra hace del orden de 6000 · 10 = 60 000 operaciones y Bellman-Ford hasta 999 · 5000 ≈ 5 millones.""",
        r"""¿Y por qué exactamente V - 1 iteraciones?""",
        r"""Porque un camino mínimo sin ciclos visita como mucho V vértices, así que usa como mucho V - 1 aristas.

1. Tras la pasada i, todo camino mínimo de como mucho i aristas ya tiene su distancia correcta.
2. Si el camino mínimo a v usa i aristas y termina en u → v, la distancia de u es correcta tras la pasada i - 1, y en la pasada i se relaja u → v.
3. Por tanto, V - 1 pasadas bastan; si la pasada V aún mejora algo, hay un ciclo negativo.

Complejidad: V - 1 pasadas de E aristas, O(V · E) en tiempo y O(V) en espacio.

Error común: hacer menos pasadas "porque suele bastar"; el resultado depende del orden de las aristas.

Ejemplo: en la cadena A → B → C → D, procesando las aristas en orden C → D, B → C, A → B, cada pasada avanza una sola arista y hacen falta 3 = V - 1 pasadas.""",
    ]),
    ("basico", "complexity", [
        r"""¿Por qué la complejidad de BFS es O(V + E) y no O(V · E)?""",
        r"""Porque el trabajo se suma, no se multiplica: cada vértice y cada arista se procesan un número constante de veces.

1. Cada vértice entra en la cola y sale de ella una sola vez, gracias al conjunto de visitados. Eso cuesta O(V) en total.
2. Cuando un vértice u sale de la cola, se recorre su lista de vecinos una vez. La suma de las longitudes de todas las listas es E en un grafo dirigido y 2E en uno no dirigido, así que los bucles internos cuestan O(E) en total.
3. Total: O(V) + O(E) = O(V + E).

Cada vértice recorre solo sus propias aristas, no todas las E.

Complejidad: O(V + E) en tiempo con listas de adyacencia; O(V²) si usas matriz de adyacencia, porque mirar los vecinos de cada vértice cuesta O(V). O(V) en espacio.

Error común: multiplicar los dos bucles anidados sin pensar cuántas veces se ejecuta en total el interno.

Ejemplo: en el camino A - B - C - D - E (5 vértices, 4 aristas) BFS hace 5 extracciones y revisa 8 entradas de vecinos: 5 + 8 = 13 operaciones. V · E daría 20, y la diferencia crece muchísimo en grafos grandes.""",
    ]),
    ("intermedio", "complexity", [
        r"""¿Cuál es la complejidad de Dijkstra con un heap binario y por qué?""",
        r"""Hay que contar cuántas veces se mete y se saca algo del heap.

1. Cada arista se relaja como mucho una vez por cada vez que su origen se fija, es decir, una vez en total. Cada relajación exitosa hace un `heappush`: como mucho E inserciones.
2. Cada inserción y cada extracción cuestan O(log E) en un heap de tamaño E. Como E ≤ V², log E ≤ 2 log V, así que es O(log V).
3. También se inicializa cada vértice: O(V).
4. Total: O((V + E) log V).

Complejidad: O((V + E) log V) en tiempo y O(V + E) en espacio, porque el heap puede acumular entradas obsoletas. Con un arreglo y búsqueda lineal del mínimo, sin heap, es O(V²), que conviene en grafos muy densos. Con un heap de Fibonacci baja a O(E + V log V).

Error común: buscar un `decrease_key` en `heapq`; no existe. Se simula insertando la nueva distancia y descartando al extraer las entradas con distancia mayor que la guardada.

Ejemplo: con V = 10^5 y E = 10^6, (V + E) log2 V ≈ 1,1·10^6 · 17 ≈ 1,9·10^7 operaciones, mientras que la versión O(V²) haría 10^10.""",
    ]),
    ("avanzado", "complexity", [
        r"""¿Cuál es la complejidad de Floyd-Warshall y cuándo conviene frente a ejecutar Dijkstra desde cada vértice?""",
        r"""Floyd-Warshall calcula todos los pares de distancias con tres bucles anidados.

1. `dist[i][j]` empieza con el peso de la arista (o ∞, y 0 en la diagonal).
2. Para cada vértice intermedio k, y para cada par (i, j), se prueba si pasar por k mejora: `dist[i][j] = min(dist[i][j], dist[i][k] + dist[k][j])`.
3. Tras procesar k, `dist[i][j]` es el mínimo usando solo los vértices 0..k como intermedios.

Complejidad: O(V³) en tiempo y O(V²) en espacio. Admite pesos negativos sin ciclos negativos (un valor negativo en la diagonal los delata). Dijkstra desde cada vértice cuesta O(V · (V + E) log V), solo con pesos no negativos.

Comparación:
1. Grafo denso, E ≈ V²: Dijkstra V veces es O(V³ log V); gana Floyd-Warshall.
2. Grafo disperso, E ≈ V: Dijkstra V veces es O(V² log V); gana Dijkstra.

Error común: poner el bucle de k dentro de los de i y j; el algoritmo deja de ser correcto. k debe ser el bucle exterior.

Ejemplo:
```python
def floyd(dist):
    n = len(dist)
    for k in range(n):
        for i in range(n):
            for j in range(n):
                if dist[i][k] + dist[k][j] < dist[i][j]:
                    dist[i][j] = dist[i][k] + dist[k][j]
    return dist
```""",
    ]),
]
