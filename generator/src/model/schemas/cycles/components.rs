//! Strongly connected components of a directed graph (Tarjan's algorithm, with an explicit
//! stack so that long chains of types cannot overflow the call stack).

/// The strongly connected components of a graph over nodes `0..n`.
pub struct Components {
    /// Component of each node.
    component: Vec<usize>,
    /// Number of nodes in each component.
    size: Vec<usize>,
    /// Whether each node has an edge to itself.
    self_edge: Vec<bool>,
}

impl Components {
    /// The components of the graph whose node `v` has edges to `successors[v]` (targets out of
    /// range are ignored). Linear in nodes plus edges.
    pub fn of(successors: &[Vec<usize>]) -> Self {
        let mut search = Search::new(successors.len());
        for root in 0..successors.len() {
            search.from(root, successors);
        }
        let self_edge = successors
            .iter()
            .enumerate()
            .map(|(v, next)| next.contains(&v))
            .collect();
        let mut size = vec![0; search.count];
        for &c in &search.component {
            size[c] += 1;
        }
        Components {
            component: search.component,
            size,
            self_edge,
        }
    }

    /// Whether `a` and `b` reach each other.
    pub fn same(&self, a: usize, b: usize) -> bool {
        self.component.get(a).is_some() && self.component.get(a) == self.component.get(b)
    }

    /// Whether `v` lies on a cycle (a component of several nodes, or an edge to itself).
    pub fn in_cycle(&self, v: usize) -> bool {
        let size = self.component.get(v).map_or(0, |&c| self.size[c]);
        size > 1 || self.self_edge.get(v).copied().unwrap_or(false)
    }
}

/// The state of Tarjan's depth-first search.
struct Search {
    /// Visit order of each node (`None` until visited).
    order: Vec<Option<usize>>,
    /// Smallest visit order reachable from each node's subtree through the stack.
    low: Vec<usize>,
    on_stack: Vec<bool>,
    stack: Vec<usize>,
    component: Vec<usize>,
    visited: usize,
    count: usize,
}

impl Search {
    fn new(n: usize) -> Self {
        Search {
            order: vec![None; n],
            low: vec![0; n],
            on_stack: vec![false; n],
            stack: Vec::new(),
            component: vec![0; n],
            visited: 0,
            count: 0,
        }
    }

    /// Numbers `v` and puts it on the stack.
    fn enter(&mut self, v: usize) {
        self.order[v] = Some(self.visited);
        self.low[v] = self.visited;
        self.visited += 1;
        self.stack.push(v);
        self.on_stack[v] = true;
    }

    /// Searches from `root` (if not visited yet), closing every component found.
    fn from(&mut self, root: usize, successors: &[Vec<usize>]) {
        if self.order[root].is_some() {
            return;
        }
        self.enter(root);
        // (node, index of its next successor to look at)
        let mut path = vec![(root, 0)];
        while let Some(&(v, next)) = path.last() {
            let n = successors.len();
            let edge = successors[v].get(next).copied();
            if let Some(last) = path.last_mut() {
                last.1 += 1;
            }
            match edge {
                Some(w) if w >= n => {}
                Some(w) => match self.order[w] {
                    None => {
                        self.enter(w);
                        path.push((w, 0));
                    }
                    Some(order) if self.on_stack[w] => self.low[v] = self.low[v].min(order),
                    Some(_) => {}
                },
                None => {
                    path.pop();
                    if let Some(&(parent, _)) = path.last() {
                        self.low[parent] = self.low[parent].min(self.low[v]);
                    }
                    if Some(self.low[v]) == self.order[v] {
                        self.close(v);
                    }
                }
            }
        }
    }

    /// Pops the component whose first visited node is `v`.
    fn close(&mut self, v: usize) {
        while let Some(w) = self.stack.pop() {
            self.on_stack[w] = false;
            self.component[w] = self.count;
            if w == v {
                break;
            }
        }
        self.count += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_loops_self_edges_and_acyclic_nodes() {
        // 0 -> 1 -> 2 -> 0, 2 -> 3, 3 -> 3, 4 -> 0, 5 alone.
        let graph = vec![vec![1], vec![2], vec![0, 3], vec![3], vec![0], vec![]];
        let components = Components::of(&graph);
        assert!(components.same(0, 2) && components.same(1, 0));
        assert!(!components.same(2, 3) && !components.same(4, 0));
        let cyclic: Vec<bool> = (0..6).map(|v| components.in_cycle(v)).collect();
        assert_eq!(cyclic, [true, true, true, true, false, false]);
    }

    #[test]
    fn a_loop_through_a_hundred_thousand_nodes_is_one_component() {
        let n = 100_000;
        let graph: Vec<Vec<usize>> = (0..n).map(|v| vec![(v + 1) % n]).collect();
        let components = Components::of(&graph);
        assert!(components.same(0, n - 1));
        assert!(components.in_cycle(n / 2));
    }
}
