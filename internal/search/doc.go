// Package search finds a monotone path of beads through a grid of n × m
// units at a cost linear in n + m: the band geometry around a centre line
// or a previous path, the widening of a band where the path found runs
// along its edge, and the coarse-to-fine levels that give a first path on
// long inputs. It knows nothing about what the units are or how a bead is
// priced: a Problem is sizes, moves, a cost function and limits, and the
// coarse levels take one cost function per level. The dynamic-programming
// kernel is package dp.
//
// Every path is in the grid's own coordinates (units 0..n and 0..m),
// starts at (0, 0), ends at (n, m), and covers every unit exactly once.
package search
