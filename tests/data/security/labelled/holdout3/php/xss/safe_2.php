<?php
$args = array(htmlspecialchars($_POST['title']), htmlspecialchars($_POST['body']));
vprintf("<h2>%s</h2><div>%s</div>", $args);
