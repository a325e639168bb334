<?php
$id = $_GET['id'];
if (!is_numeric($id)) echo "warning: not a number";
echo "<a href='/item.php?id=" . $id . "'>item</a>";
