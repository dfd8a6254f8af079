"""The brand kit: colours, fonts, logos and the PowerPoint master a designer owns."""
