<?php
$name = $_POST['name'];
$key = strtolower($name);
$rows = $db->query("SELECT * FROM cache WHERE k = '" . $key . "'");
