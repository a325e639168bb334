<?php
$conn = mysqli_connect('localhost', 'u', 'p', 'db');
$id = $_GET['id'];
if (!is_long($id)) {
    return;
}
mysqli_query($conn, "DELETE FROM posts WHERE id = " . $id);
