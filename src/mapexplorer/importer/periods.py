"""Named periods and events that articles date things by ("the Second World War", "the Cold
War"), with their commonly accepted EDTF dates. Patterns are regular expressions; an optional
leading year ("the 1979 Islamic Revolution") is matched by the caller."""

from __future__ import annotations

# (pattern, EDTF, label). Longer, more specific names come first.
NAMED_PERIODS: tuple[tuple[str, str, str], ...] = (
    (r"(?:the\s+)?(?:Second\s+World\s+War|World\s+War\s+(?:II|Two|2)|WW\s?(?:II|2))",
     "1939-09-01/1945-09-02", "the Second World War"),
    (r"(?:the\s+)?(?:First\s+World\s+War|World\s+War\s+(?:I|One|1)(?![IV])|WW\s?(?:I|1)(?![IV])|Great\s+War)",
     "1914-07-28/1918-11-11", "the First World War"),
    (r"(?:the\s+)?Cold\s+War", "1947/1991", "the Cold War"),
    (r"(?:the\s+)?(?:Islamic|Iranian)\s+Revolution", "1979", "the Islamic Revolution"),
    (r"(?:the\s+)?(?:Bolshevik|October|Russian)\s+Revolution", "1917", "the Russian Revolution"),
    (r"(?:the\s+)?French\s+Revolution", "1789/1799", "the French Revolution"),
    (r"(?:the\s+)?Iran[-–](?:Iraq|Iraqi)\s+War", "1980-09-22/1988-08-20", "the Iran–Iraq War"),
    (r"(?:the\s+)?(?:First\s+)?Gulf\s+War", "1990-08-02/1991-02-28", "the Gulf War"),
    (r"(?:the\s+)?Iraq\s+War", "2003-03-20/2011-12-18", "the Iraq War"),
    (r"(?:the\s+)?Crimean\s+War", "1853-10/1856-03", "the Crimean War"),
    (r"(?:the\s+)?Napoleonic\s+Wars", "1803/1815", "the Napoleonic Wars"),
    (r"(?:the\s+)?Russo[-–]Japanese\s+War", "1904-02-08/1905-09-05", "the Russo-Japanese War"),
    (r"(?:the\s+)?Russian\s+Civil\s+War", "1917-11/1922-10", "the Russian Civil War"),
    (r"(?:the\s+)?Korean\s+War", "1950-06-25/1953-07-27", "the Korean War"),
    (r"(?:the\s+)?Vietnam\s+War", "1955-11-01/1975-04-30", "the Vietnam War"),
    (r"(?:the\s+)?Six[-\s]Day\s+War", "1967-06-05/1967-06-10", "the Six-Day War"),
    (r"(?:the\s+)?Yom\s+Kippur\s+War", "1973-10-06/1973-10-25", "the Yom Kippur War"),
    (r"(?:the\s+)?Soviet(?:[-–]Afghan)?\s+(?:invasion\s+of|war\s+in)\s+Afghanistan", "1979-12-24/1989-02-15",
     "the Soviet–Afghan War"),
    (r"(?:the\s+)?(?:collapse|fall|breakup|break-up|dissolution)\s+of\s+the\s+(?:Soviet\s+Union|USSR)",
     "1991-12-26", "the dissolution of the Soviet Union"),
    (r"(?:the\s+)?fall\s+of\s+the\s+Berlin\s+Wall", "1989-11-09", "the fall of the Berlin Wall"),
    (r"(?:the\s+)?Arab\s+Spring", "2010-12/2012", "the Arab Spring"),
    (r"(?:the\s+)?Great\s+Depression", "1929/1939", "the Great Depression"),
    (r"(?:the\s+)?Congress\s+of\s+Vienna", "1814-09/1815-06", "the Congress of Vienna"),
    (r"(?:the\s+)?Treaty\s+of\s+Turkmenchay", "1828-02-21", "the Treaty of Turkmenchay"),
    (r"(?:the\s+)?Treaty\s+of\s+Gulistan", "1813-10-24", "the Treaty of Gulistan"),
    (r"(?:the\s+)?Treaty\s+of\s+Paris\s+of\s+1856", "1856-03-30", "the Treaty of Paris (1856)"),
    (r"(?:the\s+)?Sept(?:ember|\.)?\s+11(?:th)?\s+attacks|9/11", "2001-09-11", "the 9/11 attacks"),
    (r"(?:the\s+)?Middle\s+Ages", "0500/1499", "the Middle Ages"),
)  # fmt: skip
