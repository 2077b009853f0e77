// a comment
MATCH (a) // another
RETURN a // end