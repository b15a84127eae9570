"""Filas del tema "pilas_colas". Cada fila: (nivel, categoría, [turnos])."""

TOPIC = "pilas_colas"

ROWS = [
    ("basico", "definition", [
        r"""¿Qué es una pila y qué operaciones tiene?""",
        r"""Una pila es una colección en la que el último elemento que entra es el primero que sale (LIFO, "last in, first out"), como una pila de platos.

Operaciones:
1. `push(x)`: apila x en la cima.
2. `pop()`: quita y devuelve el elemento de la cima.
3. `peek()` o `top()`: consulta la cima sin quitarla.
4. `vacia()`: indica si no quedan elementos.

En Python, una lista sirve como pila: `append` para apilar, `pop()` para desapilar y `a[-1]` para consultar la cima.

Complejidad: todas las operaciones son O(1) en tiempo (`append` es O(1) amortizado); la pila ocupa O(n) en espacio.

Error común: llamar a `pop()` sobre una pila vacía, que lanza `IndexError`; comprueba antes que tenga elementos.

Ejemplo: el botón "atrás" del navegador.
```python
historial = []
historial.append("inicio")
historial.append("noticias")
historial.append("deportes")
print(historial.pop())  # deportes: se vuelve a la última página
print(historial[-1])    # noticias: la página actual
```""",
    ]),
    ("basico", "definition", [
        r"""¿Qué es una cola y cómo la implemento en Python?""",
        r"""Una cola es una colección en la que el primer elemento que entra es el primero que sale (FIFO, "first in, first out"), como la fila de un supermercado.

Operaciones:
1. Encolar: añade un elemento al final.
2. Desencolar: quita y devuelve el elemento del principio.
3. Consultar el frente sin quitarlo.

En Python, la implementación recomendada es `collections.deque`: `append` para encolar y `popleft` para desencolar.

Complejidad: encolar y desencolar son O(1) en tiempo con `deque`; la cola ocupa O(n) en espacio.

Error común: llamar a `pop()` en lugar de `popleft()` sobre el `deque`; `pop()` saca por el final y tu cola se comporta como una pila.

Ejemplo: una cola de impresión.
```python
from collections import deque

trabajos = deque()
trabajos.append("informe.pdf")
trabajos.append("foto.png")
trabajos.append("notas.txt")
print(trabajos.popleft())  # informe.pdf: el primero en llegar
print(trabajos[0])         # foto.png: el siguiente
```""",
    ]),
    ("intermedio", "definition", [
        r"""¿Qué es un deque o cola doble?""",
        r"""Un deque (double-ended queue) permite insertar y quitar elementos por los dos extremos de forma eficiente.

Operaciones en `collections.deque`:
1. `append(x)` y `pop()`: por la derecha.
2. `appendleft(x)` y `popleft()`: por la izquierda.
3. `d[0]` y `d[-1]`: consultar los extremos.
4. `deque(maxlen=k)`: al llenarse, cada inserción descarta el elemento del extremo opuesto.

Gracias a eso, un deque puede hacer de pila, de cola o de ambas cosas, y es la base de algoritmos como la ventana deslizante.

Complejidad: las operaciones en los extremos son O(1) en tiempo; acceder a una posición intermedia `d[i]` es O(n) en el peor caso (O(1) cerca de los extremos). Ocupa O(n) en espacio.

Error común: tratarlo como una lista y acceder con frecuencia a índices del medio; ahí una lista es mejor.

Ejemplo: guardar solo los tres últimos eventos.
```python
from collections import deque

ultimos = deque(maxlen=3)
for evento in ["a", "b", "c", "d", "e"]:
    ultimos.append(evento)
print(list(ultimos))  # ['c', 'd', 'e']
```""",
    ]),
    ("avanzado", "definition", [
        r"""¿Qué es una pila monótona?""",
        r"""Es una pila cuyos elementos se mantienen siempre en orden creciente (o decreciente) desde la base hasta la cima. Antes de apilar un elemento nuevo, se desapilan los que romperían ese orden.

Por qué es útil: cuando un elemento sale de la pila, es porque acaba de aparecer el primero que lo "supera". Así se resuelven en una pasada problemas como:
1. El siguiente elemento mayor (o menor) de cada posición.
2. El anterior elemento menor.
3. El rectángulo más grande en un histograma.

Complejidad: O(n) en tiempo en total, porque cada elemento se apila una vez y se desapila como mucho una vez, aunque haya un `while` dentro del `for`; O(n) en espacio en el peor caso.

Error común: concluir que es O(n²) al ver el `while` dentro del `for`; hay que contar el total de operaciones sobre la pila, no las vueltas de cada bucle por separado.

Ejemplo: el anterior elemento menor de [3, 1, 4, 2].
```python
def menor_anterior(a):
    pila, res = [], []
    for x in a:
        while pila and pila[-1] >= x:
            pila.pop()
        res.append(pila[-1] if pila else None)
        pila.append(x)
    return res

print(menor_anterior([3, 1, 4, 2]))  # [None, None, 1, 1]
```""",
    ]),
    ("basico", "example", [
        r"""¿Cómo compruebo con una pila si los paréntesis de una cadena como "(()())" están balanceados?""",
        r"""Cada ")" debe cerrar al "(" abierto más reciente: justo lo que ofrece una pila.

1. Recorre la cadena.
2. Con "(", apílalo.
3. Con ")", si la pila está vacía, no hay nada que cerrar: desbalanceada. Si no, desapila.
4. Al final, la cadena está balanceada solo si la pila quedó vacía.

Traza con "(()())": apila, apila, desapila, apila, desapila, desapila. La pila queda vacía: balanceada.

Complejidad: O(n) en tiempo y O(n) en espacio. Con un solo tipo de paréntesis bastaría un contador, con O(1) de espacio.

Error común: olvidar la comprobación final; con "((" nunca falla ningún cierre, pero la cadena no está balanceada.

Ejemplo:
```python
def balanceado(s):
    pila = []
    for c in s:
        if c == "(":
            pila.append(c)
        elif c == ")":
            if not pila:
                return False
            pila.pop()
    return not pila
```""",
        r"""¿Y si hay varios tipos: (), [] y {}?""",
        r"""Ahora sí hace falta la pila: al cerrar hay que comprobar que el tipo coincide con el último abierto.

1. Usa un diccionario de cierre a apertura: `")": "("`, etc.
2. Con una apertura, apílala.
3. Con un cierre, la pila no debe estar vacía y su cima debe ser la apertura correspondiente.
4. Al final, la pila debe quedar vacía.

Complejidad: O(n) en tiempo y O(n) en espacio.

Error común: contar cada tipo por separado; "([)]" tiene las cuentas bien, pero está mal anidada.

Ejemplo con "([)]": se apila "(", se apila "[", llega ")" y la cima es "[": no coincide, falso.
```python
def balanceado(s):
    pares = {")": "(", "]": "[", "}": "{"}
    pila = []
    for c in s:
        if c in "([{":
            pila.append(c)
        elif c in pares:
            if not pila or pila.pop() != pares[c]:
                return False
    return not pila
```""",
    ]),
    ("intermedio", "example", [
        r"""Evalúa la expresión en notación postfija "3 4 + 2 *" usando una pila.""",
        r"""En notación postfija (polaca inversa) el operador va detrás de sus operandos, así que no hacen falta paréntesis.

Reglas:
1. Si el símbolo es un número, apílalo.
2. Si es un operador, desapila dos valores: primero el operando derecho, después el izquierdo. Calcula y apila el resultado.
3. Al final, la pila contiene un único valor: el resultado.

Traza:
1. "3": pila [3]
2. "4": pila [3, 4]
3. "+": sale 4 (derecho) y 3 (izquierdo); 3 + 4 = 7. Pila [7]
4. "2": pila [7, 2]
5. "*": sale 2 y 7; 7 * 2 = 14. Pila [14]

Resultado: 14, que corresponde a (3 + 4) * 2 en notación habitual.

Complejidad: O(n) en tiempo, con n el número de símbolos, y O(n) en espacio para la pila.

Error común: invertir el orden de los operandos; en la resta y la división el primero que sale es el de la derecha.

Ejemplo:
```python
def postfija(expr):
    pila = []
    ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b,
           "*": lambda a, b: a * b, "/": lambda a, b: a / b}
    for t in expr.split():
        if t in ops:
            b = pila.pop()
            a = pila.pop()
            pila.append(ops[t](a, b))
        else:
            pila.append(float(t))
    return pila.pop()

print(postfija("3 4 + 2 *"))  # 14.0
```""",
    ]),
    ("intermedio", "example", [
        r"""¿Cómo implemento deshacer y rehacer en un editor de texto usando pilas?""",
        r"""Se usan dos pilas: una con las acciones que se pueden deshacer y otra con las que se pueden rehacer.

1. Nueva acción: se aplica, se apila en `deshacer` y se vacía `rehacer` (la historia alternativa deja de tener sentido).
2. Deshacer: se saca la cima de `deshacer`, se revierte y se apila en `rehacer`.
3. Rehacer: se saca la cima de `rehacer`, se vuelve a aplicar y se apila en `deshacer`.

Traza escribiendo letras:
1. Escribir "a" y "b": texto "ab", deshacer [a, b], rehacer [].
2. Deshacer: texto "a", deshacer [a], rehacer [b].
3. Rehacer: texto "ab", deshacer [a, b], rehacer [].
4. Deshacer y escribir "c": texto "ac", deshacer [a, c], rehacer [] (la "b" se pierde).

Complejidad: cada operación es O(1) en tiempo, salvo vaciar `rehacer`, que es O(k) pero amortizado O(1) porque cada acción se descarta una sola vez; O(n) en espacio para n acciones.

Error común: no vaciar `rehacer` al hacer una acción nueva; después se podrían "rehacer" cambios que ya no encajan con el texto.

Ejemplo:
```python
texto, deshacer, rehacer = [], [], []

def escribir(c):
    texto.append(c); deshacer.append(c); rehacer.clear()

def undo():
    c = deshacer.pop(); texto.pop(); rehacer.append(c)

def redo():
    c = rehacer.pop(); texto.append(c); deshacer.append(c)
```""",
    ]),
    ("avanzado", "example", [
        r"""Encuentra el siguiente elemento mayor de cada posición de [2, 1, 5, 3] con una pila monótona.""",
        r"""La pila guarda los índices que aún esperan a su siguiente mayor (con valores decrecientes). Si llega un valor mayor que la cima, la cima ya tiene respuesta.

Traza (res empieza en [-1, -1, -1, -1]):
1. i = 0, valor 2: se apila. Pila [0].
2. i = 1, valor 1: 1 no supera a a[0] = 2, se apila. Pila [0, 1].
3. i = 2, valor 5: supera a a[1] = 1, así que res[1] = 5 y se desapila; supera a a[0] = 2, res[0] = 5 y se desapila. Se apila el 2. Pila [2].
4. i = 3, valor 3: no supera al 5, se apila. Pila [2, 3].
5. Fin: los índices 2 y 3 se quedan en -1.

Resultado: [5, 5, -1, -1].

Complejidad: O(n) en tiempo, porque cada índice entra y sale de la pila como mucho una vez, y O(n) en espacio.

Error común: apilar valores en lugar de índices; entonces no sabes en qué posición de `res` escribir la respuesta.

Ejemplo:
```python
def siguiente_mayor(a):
    res, pila = [-1] * len(a), []
    for i, x in enumerate(a):
        while pila and a[pila[-1]] < x:
            res[pila.pop()] = x
        pila.append(i)
    return res

print(siguiente_mayor([2, 1, 5, 3]))  # [5, 5, -1, -1]
```""",
    ]),
    ("basico", "error_correction", [
        r"""Mi función dice que "((" está balanceada. ¿Qué falla?

```python
def balanceado(s):
    pila = []
    for c in s:
        if c == "(":
            pila.append(c)
        elif c == ")":
            if not pila:
                return False
            pila.pop()
    return True
```""",
        r"""Falta comprobar que, al final, no quedan paréntesis abiertos.

Traza con "((":
1. "(": se apila. Pila ["("].
2. "(": se apila. Pila ["(", "("].
3. Termina el bucle. Ningún ")" falló, así que la función devuelve True.

Pero los dos "(" siguen abiertos. Una cadena está balanceada si nunca se cierra algo que no está abierto (eso ya lo compruebas) y, además, al terminar no queda nada abierto (eso falta).

Complejidad: O(n) en tiempo y O(n) en espacio, igual tras la corrección.

Error común: escribir `return len(pila) >= 0`, que siempre es verdadero; la condición correcta es que la pila esté vacía.

Ejemplo corregido:
```python
def balanceado(s):
    pila = []
    for c in s:
        if c == "(":
            pila.append(c)
        elif c == ")":
            if not pila:
                return False
            pila.pop()
    return not pila   # vacía = balanceada

print(balanceado("(("), balanceado("(())"))  # False True
```""",
    ]),
    ("intermedio", "error_correction", [
        r"""Mi simulación de una cola de atención con un millón de clientes es lentísima. ¿Por qué?

```python
cola = list(range(1_000_000))
while cola:
    cliente = cola.pop(0)
    atender(cliente)
```""",
        r"""El cuello de botella es `cola.pop(0)`.

1. Una lista de Python es un arreglo contiguo. Quitar el primer elemento obliga a desplazar todos los demás una posición a la izquierda.
2. Con k elementos, `pop(0)` cuesta O(k).
3. Vaciando la cola de un millón de elementos, los desplazamientos suman (n - 1) + (n - 2) + ... + 1 ≈ n²/2, unos 5 · 10^11 movimientos.

Solución: `collections.deque`, cuyo `popleft()` es O(1) porque está diseñado para quitar por los dos extremos.

Complejidad: con lista, O(n²) en tiempo total; con `deque`, O(n). Ambas ocupan O(n) en espacio.

Error común: pensar que las listas de Python son listas enlazadas; son arreglos dinámicos, rápidos al final y lentos al principio.

Ejemplo corregido:
```python
from collections import deque

cola = deque(range(1_000_000))
while cola:
    cliente = cola.popleft()
    atender(cliente)
```
Si además el orden no importa, `cola.pop()` sobre la lista (por el final) también sería O(1).""",
    ]),
    ("intermedio", "error_correction", [
        r"""Mi evaluador de notación postfija devuelve -6.0 para "10 4 -", cuando debería dar 6.0. ¿Dónde está el error?

```python
def evaluar(expr):
    pila = []
    for t in expr.split():
        if t in ("+", "-", "*", "/"):
            a = pila.pop()
            b = pila.pop()
            if t == "+": pila.append(a + b)
            elif t == "-": pila.append(a - b)
            elif t == "*": pila.append(a * b)
            else: pila.append(a / b)
        else:
            pila.append(float(t))
    return pila.pop()
```""",
        r"""El orden de los operandos está invertido.

Traza con "10 4 -":
1. Se apila 10 y después 4: pila [10, 4].
2. Llega "-": `a = pila.pop()` saca 4 y `b = pila.pop()` saca 10.
3. Se calcula `a - b` = 4 - 10 = -6.

El primer valor que sale de la pila es el último que entró, es decir, el operando derecho. En la suma y la multiplicación no se nota, porque son conmutativas, pero en la resta y la división sí.

Corrección: el primer `pop` es el derecho (b) y el segundo, el izquierdo (a).

Complejidad: O(n) en tiempo y O(n) en espacio, con n el número de símbolos.

Error común: probar solo con "+" y "*", que dan bien aunque el orden esté mal; incluye siempre restas y divisiones en tus pruebas.

Ejemplo corregido:
```python
        if t in ("+", "-", "*", "/"):
            b = pila.pop()   # derecho
            a = pila.pop()   # izquierdo
```
Ahora "10 4 -" da 6.0 y "8 2 /" da 4.0.""",
    ]),
    ("avanzado", "error_correction", [
        r"""Mi máximo en ventana deslizante devuelve [5, 5, 5] para a = [5, 1, 2, 3] y k = 2, pero debería dar [5, 2, 3]. ¿Qué falla?

```python
from collections import deque

def max_ventana(a, k):
    d, res = deque(), []
    for i, x in enumerate(a):
        while d and d[-1] < x:
            d.pop()
        d.append(x)
        if i >= k - 1:
            res.append(d[0])
    return res
```""",
        r"""Guardas valores en el deque y nunca quitas los que salen de la ventana.

1. El 5 entra en i = 0. Como nada posterior lo supera, se queda en la cabeza del deque para siempre.
2. En i = 2 la ventana es [1, 2], pero `d[0]` sigue siendo 5: un valor que ya no pertenece a la ventana.
3. Con solo valores no puedes saber si la cabeza ha caducado, porque no sabes su posición.

Corrección: guarda índices. En cada paso, si el índice de la cabeza es `i - k` o menor, ya salió de la ventana y se quita con `popleft()`.

Complejidad: O(n) en tiempo, porque cada índice entra y sale del deque como mucho una vez, y O(k) en espacio.

Error común: quitar la cabeza caducada después de leer el máximo; hay que hacerlo antes de añadir `a[d[0]]` al resultado.

Ejemplo corregido:
```python
def max_ventana(a, k):
    d, res = deque(), []
    for i, x in enumerate(a):
        while d and a[d[-1]] < x:
            d.pop()
        d.append(i)
        if d[0] <= i - k:
            d.popleft()
        if i >= k - 1:
            res.append(a[d[0]])
    return res

print(max_ventana([5, 1, 2, 3], 2))  # [5, 2, 3]
```""",
    ]),
    ("basico", "comparison", [
        r"""¿Cuál es la diferencia entre una pila y una cola? ¿Cuándo uso cada una?""",
        r"""La diferencia está en qué elemento sale primero.

Pila (LIFO): sale el último que entró.
1. Deshacer acciones, el botón "atrás" del navegador.
2. Comprobar paréntesis y evaluar expresiones.
3. Recorridos en profundidad (DFS) y simular recursión.

Cola (FIFO): sale el primero que entró.
1. Atender peticiones o tareas por orden de llegada.
2. Recorridos en anchura (BFS).
3. Buffers entre un productor y un consumidor.

Regla práctica: si lo más reciente es lo más urgente, pila; si hay que respetar el orden de llegada, cola.

Complejidad: con la estructura adecuada (lista para la pila, `deque` para la cola), insertar y quitar son O(1) en tiempo; ambas ocupan O(n) en espacio.

Error común: implementar la cola con una lista y `pop(0)`, que cuesta O(n) por extracción.

Ejemplo: insertando 1, 2 y 3 en este orden, la pila los devuelve como 3, 2, 1 y la cola como 1, 2, 3.""",
    ]),
    ("intermedio", "comparison", [
        r"""En Python, ¿cuándo debo usar una lista y cuándo un `collections.deque`?""",
        r"""Depende de por dónde insertes y quites, y de si necesitas acceso por índice.

Lista:
1. `append` y `pop()` al final: O(1) (amortizado).
2. `insert(0, x)` y `pop(0)` al principio: O(n), porque desplazan todos los elementos.
3. Acceso por índice `a[i]` en O(1) y rebanadas `a[i:j]`.

Deque:
1. Insertar y quitar por ambos extremos: O(1).
2. Acceso por índice en el medio: O(n) en el peor caso; no admite rebanadas.
3. Parámetro `maxlen` para buffers de tamaño fijo.

Regla práctica: pila o acceso aleatorio, lista; cola o doble extremo, deque.

Complejidad: ambas ocupan O(n) en espacio; la diferencia está en el tiempo de cada operación, como se resume arriba.

Error común: usar una lista como cola en un BFS; con un grafo grande, cada `pop(0)` cuesta O(V) y el recorrido pasa de O(V + E) a O(V² + E).

Ejemplo de elección:
```python
from collections import deque

pila = []            # DFS, deshacer: lista
pila.append(1); pila.pop()

cola = deque()       # BFS, turnos: deque
cola.append(1); cola.popleft()
```""",
    ]),
    ("avanzado", "comparison", [
        r"""Para implementar una cola, ¿es mejor un arreglo circular o una lista enlazada?""",
        r"""Los dos dan operaciones en O(1), pero con costes prácticos muy distintos.

Arreglo circular:
1. Un arreglo de capacidad fija, un índice de inicio y un tamaño; las posiciones se calculan módulo la capacidad.
2. Memoria contigua: muy buena localidad de caché y sin reservas por elemento.
3. Si se llena, hay que rechazar o redimensionar copiando (O(1) amortizado si duplicas la capacidad).

Lista enlazada:
1. Cada elemento es un nodo con puntero al siguiente.
2. Crece sin límite y nunca copia.
3. Cada nodo gasta memoria extra en punteros, y recorrerla salta por la memoria.

Complejidad: encolar y desencolar son O(1) en ambas (amortizado en el arreglo si redimensiona); espacio O(capacidad) en el arreglo y O(n) más punteros en la enlazada.

Error común: en el arreglo circular, distinguir "llena" de "vacía" solo con `inicio == fin`; las dos situaciones coinciden. Guarda el tamaño aparte.

Ejemplo:
```python
class ColaCircular:
    def __init__(self, cap):
        self.a, self.ini, self.tam = [None] * cap, 0, 0

    def encolar(self, x):
        if self.tam == len(self.a):
            raise OverflowError("cola llena")
        self.a[(self.ini + self.tam) % len(self.a)] = x
        self.tam += 1

    def desencolar(self):
        if self.tam == 0:
            raise IndexError("cola vacía")
        x = self.a[self.ini]
        self.ini = (self.ini + 1) % len(self.a)
        self.tam -= 1
        return x
```""",
    ]),
    ("basico", "complexity", [
        r"""¿Cuál es la complejidad de las operaciones push y pop de una pila hecha con una lista de Python?""",
        r"""Las dos operaciones trabajan solo sobre el final de la lista, que es donde las listas de Python son eficientes.

1. Push (`append`): escribe al final. Normalmente es O(1). Cuando la capacidad reservada se agota, Python reserva un arreglo mayor y copia los elementos, O(n) esa vez; como la capacidad crece de forma proporcional, el coste amortizado sigue siendo O(1).
2. Pop (`pop()` sin argumento): quita el último elemento sin mover los demás, O(1).
3. Consultar la cima (`a[-1]`): O(1).

Complejidad: push O(1) amortizado, pop O(1) y cima O(1) en tiempo; la pila ocupa O(n) en espacio. Una secuencia de n operaciones cuesta O(n) en total.

Error común: usar `pop(0)` o `insert(0, x)` pensando que también son O(1); trabajan sobre el principio de la lista y cuestan O(n).

Ejemplo:
```python
pila = []
for x in range(5):
    pila.append(x)      # O(1) amortizado cada uno
while pila:
    print(pila.pop())   # 4, 3, 2, 1, 0; O(1) cada uno
```""",
    ]),
    ("avanzado", "complexity", [
        r"""Si implemento una cola con dos pilas, ¿cuál es el coste de cada operación?""",
        r"""Se usan una pila de entrada y otra de salida.

1. Encolar: apila en `entrada`. O(1).
2. Desencolar: si `salida` está vacía, pasa todos los elementos de `entrada` a `salida` (así quedan invertidos, con el más antiguo en la cima) y después desapila de `salida`. Si `salida` no está vacía, desapila directamente.

Análisis:
1. Un desencolado concreto puede costar O(n), cuando toca mover todo.
2. Pero cada elemento se mueve de `entrada` a `salida` una sola vez en toda su vida: se apila dos veces y se desapila dos veces.
3. Por tanto, n operaciones cuestan O(n) en total.

Complejidad: encolar O(1); desencolar O(1) amortizado y O(n) en el peor caso individual. Espacio O(n).

Error común: mover los elementos cuando `salida` aún no está vacía; se mezcla el orden y la cola deja de ser FIFO.

Ejemplo: encolar 1, 2 y 3 deja entrada [1, 2, 3]. Al desencolar, se mueven y salida queda [3, 2, 1]: sale 1. Si ahora encolas 4, entrada es [4]; el siguiente desencolado saca 2 de `salida` sin mover nada.
```python
def desencolar(entrada, salida):
    if not salida:
        while entrada:
            salida.append(entrada.pop())
    return salida.pop()
```""",
    ]),
    ("avanzado", "complexity", [
        r"""¿Cómo consigo una pila que devuelva el mínimo en O(1), y cuánto espacio extra necesita?""",
        r"""Guarda, junto a cada elemento, el mínimo de la pila en ese momento.

1. Push(x): el nuevo mínimo es min(x, mínimo actual). Apila el par (x, nuevo mínimo).
2. Pop: desapila el par. El mínimo anterior queda en la nueva cima, sin recalcular nada.
3. Mínimo: es el segundo valor de la cima.

Funciona porque una pila solo cambia por la cima: el mínimo de los elementos de debajo nunca cambia mientras están ahí.

Complejidad: push, pop y mínimo son O(1) en tiempo; el espacio extra es O(n) en el peor caso, porque se guarda un mínimo por elemento.

Variante con menos memoria: una pila auxiliar de mínimos donde solo se apila x si x <= mínimo actual, y se desapila cuando sale un valor igual a su cima.

Error común: en esa variante, apilar solo si x < mínimo (estricto); con mínimos repetidos, al sacar uno de ellos se pierde el mínimo correcto.

Ejemplo: push 3, push 1, push 1, pop. El mínimo debe seguir siendo 1.
```python
class PilaMin:
    def __init__(self):
        self.p = []

    def push(self, x):
        m = min(x, self.p[-1][1]) if self.p else x
        self.p.append((x, m))

    def pop(self):
        return self.p.pop()[0]

    def minimo(self):
        return self.p[-1][1]
```""",
    ]),
]
