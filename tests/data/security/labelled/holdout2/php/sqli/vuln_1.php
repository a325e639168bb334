<?php
$tainted = $_POST['id'];
$tainted = trim($tainted);
$sql = "DELETE FROM items WHERE id = '$tainted'";
$db = new mysqli('localhost', 'u', 'p', 'shop');
$db->query($sql);
