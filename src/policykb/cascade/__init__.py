"""The cascade (层层分解): lower-level plans linked to the parent tasks they carry out.

`refs` resolves a document's cited parents; `check` refuses links that cannot hold (unknown target,
wrong level, not a parent, a cycle, a later deadline); `counterparts` knows which unit of a lower level
does a higher unit's work; `coverage` names the members whose plans miss a task; `rollup` reads a
parent task's state from its members' child tasks; `propose` ranks parent tasks for each child task;
`edit` writes, confirms and removes links keeping the YAML's comments.
"""
