"""Agreement coefficients on coded items, in numpy: Cohen's κ, Fleiss' κ, Krippendorff's α.

Our own implementations, checked in tests against scikit-learn's ``cohen_kappa_score``,
statsmodels' ``fleiss_kappa`` and the ``krippendorff`` package (kept out of the runtime
dependencies: each coefficient is a few lines of arithmetic, and statsmodels alone would add
scipy and pandas to every installation). Each returns None where the coefficient is undefined
(no items, or chance agreement of 1: every coder used one and the same category throughout).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

Codes = npt.NDArray[np.int64]


def cohen_kappa(a: Sequence[int] | Codes, b: Sequence[int] | Codes) -> float | None:
    """Cohen's κ of two coders over the same items (category codes, equal lengths)."""
    x = np.asarray(a, dtype=np.int64)
    y = np.asarray(b, dtype=np.int64)
    if x.shape != y.shape:
        raise ValueError("both coders must code the same items")
    if x.size == 0:
        return None
    k = int(max(x.max(), y.max())) + 1
    observed = float(np.mean(x == y))
    expected = float(np.dot(np.bincount(x, minlength=k), np.bincount(y, minlength=k))) / x.size**2
    if expected >= 1.0:
        return None
    return (observed - expected) / (1.0 - expected)


def fleiss_kappa(counts: npt.ArrayLike) -> float | None:
    """Fleiss' κ from an items × categories table of how many coders chose each category.

    Every item must have the same number of coders (at least two).
    """
    table = np.asarray(counts, dtype=np.float64)
    if table.ndim != 2 or table.shape[0] == 0:
        return None
    raters = table.sum(axis=1)
    n = raters[0]
    if n < 2 or not np.all(raters == n):
        raise ValueError("Fleiss' κ needs the same number (>= 2) of coders on every item")
    items = table.shape[0]
    shares = table.sum(axis=0) / (items * n)
    per_item = (np.square(table).sum(axis=1) - n) / (n * (n - 1))
    observed = float(per_item.mean())
    expected = float(np.square(shares).sum())
    if expected >= 1.0:
        return None
    return (observed - expected) / (1.0 - expected)


def value_counts(data: npt.ArrayLike) -> npt.NDArray[np.float64]:
    """Coders × items codes (negative = missing) -> items × categories counts."""
    codes = np.asarray(data, dtype=np.int64)
    k = int(codes.max()) + 1 if codes.size and codes.max() >= 0 else 0
    out = np.zeros((codes.shape[1] if codes.ndim == 2 else 0, k))
    for row in codes:
        present = row >= 0
        np.add.at(out, (np.nonzero(present)[0], row[present]), 1.0)
    return out


def krippendorff_alpha(counts: npt.ArrayLike) -> float | None:
    """Krippendorff's α (nominal) from an items × categories table of value counts.

    Items coded by fewer than two coders are not pairable and are left out; coders may be
    missing on any item (the coefficient's strength over Fleiss' κ).
    """
    table = np.asarray(counts, dtype=np.float64)
    if table.ndim != 2 or table.size == 0:
        return None
    coders = table.sum(axis=1)
    table = table[coders >= 2]
    coders = coders[coders >= 2]
    if table.shape[0] == 0:
        return None
    weights = 1.0 / (coders - 1.0)
    coincidence = (table * weights[:, None]).T @ table
    coincidence -= np.diag((table * weights[:, None]).sum(axis=0))
    marginals = coincidence.sum(axis=0)
    total = marginals.sum()
    disagreement_observed = total - np.trace(coincidence)
    expected = (np.square(marginals.sum()) - np.square(marginals).sum()) / (total - 1.0)
    if expected <= 0.0:
        return None
    return float(1.0 - disagreement_observed / expected)


def f1(matched: float, total: float) -> float | None:
    """Span F1 from ``matched`` (spans of both sides with a partner) and ``total`` spans."""
    return matched / total if total else None
