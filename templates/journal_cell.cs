<p id="cell" data-state="<?cs var:Cell.state ?>" data-value="<?cs var:Cell.value ?>" data-comment="<?cs var:Cell.comment ?>"><?cs var:Cell.message ?></p>
