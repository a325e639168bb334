<?php
$id = $_GET['id'];
if (!is_numeric($id)) exit;
echo "<a href='/item.php?id=" . $id . "'>item</a>";
