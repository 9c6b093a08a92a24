<p id="cell" data-state="<?cs var:Cell.state ?>" data-value="<?cs var:Cell.value ?>"><?cs var:Cell.message ?></p>
