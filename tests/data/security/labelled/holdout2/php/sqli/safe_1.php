<?php
$tainted = $_POST['id'];
$db = new mysqli('localhost', 'u', 'p', 'shop');
$stmt = $db->prepare("DELETE FROM items WHERE id = ?");
$stmt->bind_param("s", $tainted);
$stmt->execute();
