<?php
function findUser(PDO $pdo) {
    $name = $_POST['name'];
    return $pdo->query("SELECT * FROM users WHERE name = '$name'")->fetchAll();
}
