<?php
$name = $_POST['name'];
$key = hash('sha256', $name);
$rows = $db->query("SELECT * FROM cache WHERE k = '" . $key . "'");
