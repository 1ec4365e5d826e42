"""Processing activities (the art. 30 AVG register): their forms, rules and pages."""
