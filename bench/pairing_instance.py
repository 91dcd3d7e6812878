#!/usr/bin/env python3
"""City-scale 爱心妈妈 pairing instance: generator and OR-tools reference solve.

  pairing_instance.py generate OUT [--seed S] [--children N] [--volunteers M] [--neighbours K]
  pairing_instance.py ortools FILE      -> prints "cost C", "seconds T", "cpu_seconds T" (solve only)

File format (whitespace-separated integers, read by PairingBench.load in Swift):
  childCount volunteerCount edgeCount
  one penalty per child, one capacity per volunteer, then "child volunteer cost" per edge.
"""
import argparse
import sys
import time

import numpy as np

LAT0, LON0 = 29.7, 112.4          # around Jingzhou
SIDE_M = 1400 ** 0.5 * 1000       # ~1,400 km² square
CLUSTERS = 220
# A higher tier must never be left unpaired for a lower one within reach: the gap between
# tiers (≥ 100 km) exceeds any candidate distance inside the ~37 km square.
TIERS = [(1_000_000, 0.02), (400_000, 0.10), (200_000, 0.25), (100_000, 0.63)]


def scatter(rng, count, centres, spread):
    """Points around village centres, plus a few isolated homes between villages."""
    which = rng.choice(len(centres["weight"]), size=count, p=centres["weight"])
    xy = centres["xy"][which] + rng.normal(0.0, 1.0, (count, 2)) * spread[which, None]
    loose = rng.random(count) < 0.05
    xy[loose] = rng.uniform(-SIDE_M / 2, SIDE_M / 2, (loose.sum(), 2))
    return np.clip(xy, -SIDE_M / 2, SIDE_M / 2)


def to_lat_lon(xy):
    lat = LAT0 + xy[:, 1] / 110_540.0
    lon = LON0 + xy[:, 0] / (111_320.0 * np.cos(np.radians(LAT0)))
    return lat, lon


def haversine_m(lat1, lon1, lat2, lon2):
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dp, dl = p2 - p1, np.radians(lon2 - lon1)
    a = np.sin(dp / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    return 2 * 6_371_000.0 * np.arcsin(np.sqrt(a))


def generate(args):
    rng = np.random.default_rng(args.seed)
    weight = rng.gamma(2.0, 1.0, CLUSTERS)
    centres = {"xy": rng.uniform(-SIDE_M / 2, SIDE_M / 2, (CLUSTERS, 2)),
               "weight": weight / weight.sum()}
    spread = rng.uniform(300.0, 1500.0, CLUSTERS)
    child_xy = scatter(rng, args.children, centres, spread)
    vol_xy = scatter(rng, args.volunteers, centres, spread)
    child_lat, child_lon = to_lat_lon(child_xy)
    vol_lat, vol_lon = to_lat_lon(vol_xy)

    tier = rng.choice(len(TIERS), size=args.children, p=[p for _, p in TIERS])
    penalties = np.array([pen for pen, _ in TIERS], dtype=np.int64)[tier]
    capacities = rng.integers(1, 4, args.volunteers)

    k = min(args.neighbours, args.volunteers)
    heads = np.empty((args.children, k), dtype=np.int64)
    costs = np.empty((args.children, k), dtype=np.int64)
    vxy = vol_xy.astype(np.float32)
    for lo in range(0, args.children, 2000):
        hi = min(lo + 2000, args.children)
        cxy = child_xy[lo:hi].astype(np.float32)
        d2 = ((cxy[:, None, :] - vxy[None, :, :]) ** 2).sum(axis=2)
        near = np.argpartition(d2, k - 1, axis=1)[:, :k]
        metres = haversine_m(child_lat[lo:hi, None], child_lon[lo:hi, None],
                             vol_lat[near], vol_lon[near])
        # Skills that meet a child's needs shorten the effective distance (the caller's rule).
        discount = np.where(rng.random(near.shape) < 0.3, 0.7, 1.0)
        heads[lo:hi] = near
        costs[lo:hi] = np.rint(metres * discount).astype(np.int64)
    tails = np.repeat(np.arange(args.children, dtype=np.int64), k)

    with open(args.out, "w") as f:
        f.write(f"{args.children} {args.volunteers} {tails.size}\n")
        f.write("\n".join(map(str, penalties.tolist())) + "\n")
        f.write("\n".join(map(str, capacities.tolist())) + "\n")
        edges = np.column_stack([tails, heads.ravel(), costs.ravel()])
        np.savetxt(f, edges, fmt="%d")
    print(f"instance {args.out}: {args.children} children, {args.volunteers} volunteers, "
          f"{tails.size} edges, capacity {int(capacities.sum())}")


def solve_ortools(args):
    from ortools.graph.python import min_cost_flow

    with open(args.file) as f:
        data = np.array(f.read().split(), dtype=np.int64)
    n, m, e = (int(x) for x in data[:3])
    penalties = data[3:3 + n]
    capacities = data[3 + n:3 + n + m]
    edges = data[3 + n + m:3 + n + m + 3 * e].reshape(e, 3)
    sink = n + m
    # Same network as ours: child → volunteer (cap 1), child → sink at its penalty,
    # volunteer → sink (cap = capacity); every child supplies one unit.
    tails = np.concatenate([edges[:, 0], np.arange(n), n + np.arange(m)])
    heads = np.concatenate([n + edges[:, 1], np.full(n, sink), np.full(m, sink)])
    caps = np.concatenate([np.ones(e, dtype=np.int64), np.ones(n, dtype=np.int64), capacities])
    costs = np.concatenate([edges[:, 2], penalties, np.zeros(m, dtype=np.int64)])

    smcf = min_cost_flow.SimpleMinCostFlow()
    smcf.add_arcs_with_capacity_and_unit_cost(tails, heads, caps, costs)
    supplies = np.concatenate([np.ones(n, dtype=np.int64), np.zeros(m, dtype=np.int64), [-n]])
    smcf.set_nodes_supplies(np.arange(n + m + 1), supplies)
    start, cpu_start = time.perf_counter(), time.process_time()
    status = smcf.solve()
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    if status != smcf.OPTIMAL:
        sys.exit(f"OR-tools status {status}")
    print(f"cost {smcf.optimal_cost()}")
    print(f"seconds {seconds}")
    print(f"cpu_seconds {cpu}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    gen = sub.add_parser("generate")
    gen.add_argument("out")
    gen.add_argument("--seed", type=int, default=20240601)
    gen.add_argument("--children", type=int, default=48_000)
    gen.add_argument("--volunteers", type=int, default=12_000)
    gen.add_argument("--neighbours", type=int, default=50)
    gen.set_defaults(run=generate)
    ort = sub.add_parser("ortools")
    ort.add_argument("file")
    ort.set_defaults(run=solve_ortools)
    args = parser.parse_args()
    args.run(args)


if __name__ == "__main__":
    main()
