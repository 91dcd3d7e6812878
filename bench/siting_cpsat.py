"""Solve the siting instance exported by `guanai bench-siting --export FILE` with OR-tools CP-SAT.

Weighted maximum coverage: x_j (site j opens), y_e (element e is reached), y_e <= sum of x_j over the sites
reaching e, sum x_j = N (or all sites when fewer), maximise sum w_e y_e. Prints one line per N:
`n N objective X bound B status S seconds T` (T: wall time of Solve() alone).
"""
import json
import sys
import time

from ortools.sat.python import cp_model


def solve(inst, n, workers, limit):
    m = inst["sites"]
    model = cp_model.CpModel()
    x = [model.NewBoolVar(f"x{j}") for j in range(m)]
    terms = []
    for e, row in enumerate(inst["elements"]):
        w, sites = row[0], row[1:]
        y = model.NewBoolVar(f"y{e}")
        model.AddBoolOr([x[j] for j in sites]).OnlyEnforceIf(y)
        terms.append(w * y)
    model.Add(sum(x) == min(n, m))
    model.Maximize(sum(terms))
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = workers
    solver.parameters.max_time_in_seconds = limit
    t = time.perf_counter()
    status = solver.Solve(model)
    seconds = time.perf_counter() - t
    return int(round(solver.ObjectiveValue())), int(solver.BestObjectiveBound() + 1e-6), solver.StatusName(status), seconds


def main():
    path, counts = sys.argv[1], [int(c) for c in sys.argv[2].split(",")]
    workers = int(sys.argv[3]) if len(sys.argv) > 3 else 2
    limit = float(sys.argv[4]) if len(sys.argv) > 4 else 120.0
    with open(path) as f:
        inst = json.load(f)
    for n in counts:
        obj, bound, status, seconds = solve(inst, n, workers, limit)
        print(f"n {n} objective {obj} bound {bound} status {status} seconds {seconds:.3f}", flush=True)


if __name__ == "__main__":
    main()
