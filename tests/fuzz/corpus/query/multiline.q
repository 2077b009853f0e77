MATCH (a)
  -[:met_with]-
  (b)
WHERE a <> b
RETURN a.label,
       b.label