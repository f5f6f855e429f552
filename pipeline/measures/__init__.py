"""From turns to indicators: roles, prosody, turn-taking, language, entrainment, statistics, the indicator table."""
