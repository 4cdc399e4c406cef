"""Pages for werkgeversdienstverleners: employers, contact persons, vacancies, CSV import."""
