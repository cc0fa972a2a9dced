"""Keep every library offline: nothing is downloaded at run time.

tldextract (used by Presidio's email and URL recognisers, if an organisation enables them) fetches the
public suffix list on first use; pointing its module-level extractor at the bundled snapshot stops that.
"""

from __future__ import annotations

import os


def keep_offline() -> None:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    try:
        import tldextract
        import tldextract.tldextract as impl
    except ImportError:  # pragma: no cover - tldextract is a Presidio dependency
        return
    offline = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True)
    impl.TLD_EXTRACTOR = offline
    tldextract.extract = offline  # type: ignore[assignment]
