"""Where the reference tables' rows come from, beyond the hand-curated CSVs.

`briefing.reference` owns matching; these modules each turn one source into alias rows:
`divisions` (every Chinese administrative division, data/reference/admin_divisions.csv,
generated from cpca by scripts/make_admin_divisions.py), `countries` (pycountry), and
`bodies` (organisations in no table, recognised by the rule files bodies.<lang>.toml).
"""
