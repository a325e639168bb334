<?php
$args = array($_POST['title'], $_POST['body']);
vprintf("<h2>%s</h2><div>%s</div>", $args);
