//! CIDv1 content addressing compatible with Kubo `add --cid-version=1 --raw-leaves`.
