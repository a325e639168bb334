<?php
$name = $_GET['name'];
echo "<h1>Hello " . $name . "</h1>";
