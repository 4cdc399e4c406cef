from meedoen.core.roles import Bevoegdheid

# Reading employers and vacancies: werkgeversdienstverleners and those who match residents.

LEZERS = (Bevoegdheid.WERKGEVERS_BEHEREN, Bevoegdheid.MATCHEN)
