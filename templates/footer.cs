</main>
<footer class="bottom"><?cs var:App.Name ?></footer>
</body>
</html>
